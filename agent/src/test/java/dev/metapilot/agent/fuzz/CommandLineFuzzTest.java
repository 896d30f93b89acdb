package dev.metapilot.agent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.env.testing.FuzzCount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random command lines built from the launcher's real words and junk: the launcher always returns 0, 1 (a clear error)
 * or 2 (a usage error), never throws, and an error is one line starting with {@code error:} or a usage text.
 */
class CommandLineFuzzTest {

    private static final List<String> WORDS = List.of("run", "plugins", "bench", "sign", "keygen", "help", "--env",
            "classpath-demo", "maze", "--policy", "random", "right", "--trials", "0", "-1", "3", "1e9", "--episodes",
            "--split", "test", "train", "sideways", "--seed", "x", "--tasks", "/nonexistent", "--log", "/proc/x",
            "--max-faults", "--max-delta", "NaN", "--device", "gpu", "--threads", "--greedy", "--env-config", "a=1",
            "step-delay-ms=-5", "=", ",", "--plugins-dir", "--trust", "--details", "--steps", "--warmup", "-v", "--",
            "\u0000", "é", "");

    @Provide
    Arbitrary<List<String>> commandLines() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(12)).list().ofMaxSize(8);
    }

    @Property
    @FuzzCount(property = "agent.fuzz.command-lines", value = 300)
    void theLauncherAnswersEveryCommandLineWithAnExitCode(@ForAll("commandLines") List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).as("exit code for %s", args).isIn(0, 1, 2);
        if (rc == 1) {
            assertThat(err.toString()).as("error for %s", args).startsWith("error: ");
        }
    }
}
