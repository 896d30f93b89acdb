package dev.metapilot.env.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/** A fuzz property runs as many tries as its {@link FuzzCount} says, and a bad override is refused by name. */
class FuzzCountTest {

    private static final AtomicInteger TRIES = new AtomicInteger();

    @Property
    @FuzzCount(property = "api.fuzz.self-test", value = 7)
    void countsItsTries(@ForAll int ignored) {
        TRIES.incrementAndGet();
    }

    @AfterContainer
    static void theCountSetTheTries() {
        assertThat(TRIES.get()).isEqualTo(Integer.getInteger("api.fuzz.self-test", 7));
    }

    @Example
    void aCountThatIsNotAPositiveIntegerIsRefusedNamingTheProperty() {
        assertThat(FuzzCount.Tries.of("api.fuzz.unset", 12)).isEqualTo(12);
        System.setProperty("api.fuzz.bad", "many");
        try {
            assertThatThrownBy(() -> FuzzCount.Tries.of("api.fuzz.bad", 12))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Dapi.fuzz.bad must be a positive integer, got 'many'");
            System.setProperty("api.fuzz.bad", " 40 ");
            assertThat(FuzzCount.Tries.of("api.fuzz.bad", 12)).isEqualTo(40);
        } finally {
            System.clearProperty("api.fuzz.bad");
        }
    }
}
