package dev.metapilot.sim.cli;

import dev.metapilot.sim.emulate.DynamicsFile;
import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * The options that {@code bench-loop} and {@code soak} share (a picocli mixin): the emulated robot's dynamics, the
 * robot baseline that drives it, and the real-time loop's spin. Read on the command's thread.
 */
final class EmulatedRobotOptions {

    @Option(names = "--dynamics", paramLabel = "FILE|nominal", description = "The emulated robot's dynamics (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "nominal")
    String dynamics;

    @Option(names = "--policy", paramLabel = "BASELINE", description = "A robot baseline: pid, zero or random "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "pid")
    String policy;

    @Option(names = "--spin-us", paramLabel = "US", description = "The loop's spin before each deadline (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "200")
    long spinMicros;

    /** The dynamics file (or the nominal dynamics), read now. */
    DynamicsFile readDynamics() throws IOException {
        return DynamicsFile.read(dynamics, null);
    }

    long spinNanos() {
        return spinMicros * 1000;
    }
}
