package dev.metapilot.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.CommandLineRun;
import org.junit.jupiter.api.Test;

/** {@code metapilot emulate} through the launcher: what it prints on start and stop, and its refusals. */
class EmulateCommandTest {

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void printsThePortTheDynamicsAndTheFaultsThenTheTotals() {
        int rc = run("emulate", "--listen", "127.0.0.1:0", "--dynamics", "../plugins/locomotion/examples/tasks.json",
                "--task", "loaded-uphill-pulling-left", "--drop", "0.1", "--corrupt", "0.05", "--delay", "3",
                "--disconnect-after", "0.2", "--seconds", "0.6");
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("emulating the robot's motor MCU on tcp://127\\.0\\.0\\.1:\\d+ ")
                .contains("dynamics: tasks.json, task 'loaded-uphill-pulling-left': payload_kg=2 ",
                        "faults: drop 0.1, corrupt 0.05, delay 3 ms (both), link cut after 0.2 s, seed 0",
                        "link cut: nothing passes either way", "the motors were at zero when the link was cut",
                        "emulator stopped after", "link faults: frames to host 0");
    }

    @Test
    void refusesABadAddressDynamicsOrProbability() {
        assertThat(run("emulate", "--listen", "localhost", "--dynamics", "nominal")).isEqualTo(1);
        assertThat(cli.err()).contains("--listen must be HOST:PORT");
        assertThat(run("emulate", "--listen", "127.0.0.1:0", "--dynamics", "nowhere.json")).isEqualTo(1);
        assertThat(cli.err()).contains("dynamics file nowhere.json does not exist");
        assertThat(run("emulate", "--listen", "127.0.0.1:0", "--dynamics", "nominal", "--drop", "1.5")).isEqualTo(1);
        assertThat(cli.err()).contains("drop probability must be in [0, 1], got 1.5");
    }
}
