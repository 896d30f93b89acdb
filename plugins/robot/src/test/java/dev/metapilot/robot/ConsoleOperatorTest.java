package dev.metapilot.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Enter key as the operator's gate. */
class ConsoleOperatorTest {

    @Test
    void eachEpisodeTakesOneLineAndAClosedConsoleIsAnError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleOperator gate = new ConsoleOperator(new ByteArrayInputStream("\nnext\n".getBytes(
                StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8));
        gate.await("episode 1");
        gate.await("episode 2");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("episode 1: press Enter", "episode 2: press Enter");
        assertThatThrownBy(() -> gate.await("episode 3")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator-button=none");
    }
}
