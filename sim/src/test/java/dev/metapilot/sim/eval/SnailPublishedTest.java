package dev.metapilot.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SnailPublishedTest {

    @Test
    void theResourceParsesWithItsCitationAndProvenance() throws IOException {
        String text;
        try (InputStream in = SnailPublished.class.getResourceAsStream(SnailPublished.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains("Mishra", "Rohaninejad", "A Simple Neural Attentive Meta-Learner", "ICLR 2018",
                "arXiv:1707.03141", "Table 5", "Provenance", "Not available to us");
        assertThat(SnailPublished.CITATION).contains("Mishra", "arXiv:1707.03141", "Table 5");
    }

    @Test
    void smallMazesHaveStepCountsAndLargeMazesOnlyRatios() {
        SnailPublished published = SnailPublished.load();
        assertThat(published.rows()).hasSize(4);
        SnailPublished.Row snail = published.forSize("small").get(0);
        assertThat(snail.method()).isEqualTo("snail");
        assertThat(snail.episode1()).hasValue(50.3);
        assertThat(snail.episode2()).hasValue(34.8);
        assertThat(snail.ratio().getAsDouble()).isCloseTo(0.69, Offset.offset(0.005));
        SnailPublished.Row lstm = published.forSize("small").get(1);
        assertThat(lstm.label()).isEqualTo("LSTM RL² (paper)");
        assertThat(lstm.episode1()).hasValue(52.4);
        assertThat(lstm.episode2()).hasValue(39.1);
        assertThat(published.forSize("large")).extracting(SnailPublished.Row::episode1).containsOnly(OptionalDouble
                .empty());
        assertThat(published.forSize("large")).extracting(r -> r.ratio().getAsDouble()).containsExactly(0.75, 0.84);
    }
}
