package dev.metapilot.bridge.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkSettingsTest {

    @Test
    void theDefaultsAreThoseOfTheProtocolSpecification() {
        LinkSettings d = LinkSettings.defaults();
        assertThat(d.heartbeatPeriod()).isEqualTo(Duration.ofMillis(100));
        assertThat(d.commandTtl()).isEqualTo(Duration.ofMillis(100));
        assertThat(d.staleAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(d.peerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.sensorRateHz()).isEqualTo(100);
    }

    @Test
    void buildRefusesInconsistentValuesNamingThem() {
        assertThatThrownBy(() -> LinkSettings.builder().commandTtl(Duration.ZERO).build()).hasMessageContaining(
                "commandTtl");
        assertThatThrownBy(() -> LinkSettings.builder().commandTtl(Duration.ofSeconds(70)).build())
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> LinkSettings.builder().heartbeatPeriod(Duration.ofMillis(400)).build())
                .hasMessageContaining("peerTimeout");
        assertThatThrownBy(() -> LinkSettings.builder().backoff(Duration.ofSeconds(3), Duration.ofSeconds(1))
                .build()).hasMessageContaining("backoffMax");
        assertThatThrownBy(() -> LinkSettings.builder().ack(Duration.ofMillis(10), 0).build()).hasMessageContaining(
                "ackAttempts");
        assertThatThrownBy(() -> LinkSettings.builder().sensorRateHz(2000).build()).hasMessageContaining(
                "sensorRateHz");
        assertThatThrownBy(() -> LinkSettings.builder().staleAfter(null).build()).hasMessageContaining("staleAfter");
    }
}
