package dev.metapilot.bridge.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCapAndResetToTheStart() {
        Backoff b = new Backoff(Duration.ofMillis(50), Duration.ofMillis(300));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(50));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(300));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(300));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining(
                "max");
    }
}
