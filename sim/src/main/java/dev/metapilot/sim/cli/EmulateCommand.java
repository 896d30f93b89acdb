package dev.metapilot.sim.cli;

import dev.metapilot.bridge.mcu.McuEndpoint;
import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.sim.emulate.DynamicsFile;
import dev.metapilot.sim.emulate.Emulator;
import dev.metapilot.sim.emulate.EmulatorConsole;
import dev.metapilot.sim.emulate.EmulatorOptions;
import dev.metapilot.sim.emulate.LinkFaults;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot emulate}: plays the robot's motor MCU over TCP with the locomotion physics and the dynamics of a
 * task file, injecting link faults on request, until Ctrl-C (or {@code --seconds}). Runs on the main thread; the
 * emulator's threads do the work and a shutdown hook stops it and prints the totals.
 */
@Command(name = "emulate", mixinStandardHelpOptions = true, description = {
        "Emulate the robot's motor MCU (bridge protocol, TTL watchdog, e-stop) with the locomotion physics over TCP.",
        "Example: ./metapilot emulate --listen 127.0.0.1:7300 --dynamics plugins/locomotion/examples/tasks.json --drop 0.1"})
final class EmulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on; port 0 picks a free "
            + "one (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1:7300")
    private String listen;

    @Option(names = "--dynamics", required = true, paramLabel = "FILE|nominal", description = "A locomotion task file "
            + "(JSON) whose dynamics the robot has, or 'nominal'.")
    private String dynamics;

    @Option(names = "--task", paramLabel = "ID", description = "The task of the file (default: its first).")
    private String task;

    @Option(names = "--drop", paramLabel = "P", description = "Drop each frame with probability P (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "0")
    private double drop;

    @Option(names = "--corrupt", paramLabel = "P", description = "Corrupt a byte of each frame with probability P "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "0")
    private double corrupt;

    @Option(names = "--delay", paramLabel = "MS", description = "Delay every frame (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    private int delayMs;

    @Option(names = "--disconnect-after", paramLabel = "S", description = "Cut the link (silence both ways, as a cut "
            + "wire) S seconds after the start.")
    private Double disconnectAfter;

    @Option(names = "--fault-direction", paramLabel = "both|to-host|to-mcu", description = "Which frames drop, corrupt "
            + "and delay hit (default: ${DEFAULT-VALUE}).", defaultValue = "both")
    private String direction;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the faults and the sensor noise (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "0")
    private long seed;

    @Option(names = "--physics-rate", paramLabel = "HZ", description = "Physics steps per second (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "200")
    private int physicsRate;

    @Option(names = "--control-rate", paramLabel = "HZ", description = "The control rate the dynamics' latency_ticks "
            + "count in (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    private int controlRate;

    @Option(names = "--sensor-noise", paramLabel = "true|false", description = "Gyro/accelerometer noise and encoder "
            + "phase as in the simulation (default: ${DEFAULT-VALUE}).", defaultValue = "true", arity = "1")
    private boolean sensorNoise;

    @Option(names = "--max-ttl-ms", paramLabel = "MS", description = "The longest command TTL the MCU honours "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "500")
    private int maxTtlMs;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: run until Ctrl-C).")
    private Double seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (disconnectAfter != null && !(disconnectAfter >= 0)) {
            throw new IllegalArgumentException("--disconnect-after must be >= 0 s, got " + disconnectAfter);
        }
        if (seconds != null && !(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
        }
        InetSocketAddress bind = listenAddress(listen);
        LinkFaults faults = new LinkFaults(drop, corrupt, delayMs, Optional.ofNullable(disconnectAfter).map(
                s -> Duration.ofNanos(Math.round(s * 1e9))), LinkFaults.Direction.parse(direction), seed);
        DynamicsFile file = DynamicsFile.read(dynamics, task);
        EmulatorOptions options = EmulatorOptions.builder(file).listen(bind).physicsRateHz(physicsRate)
                .controlRateHz(controlRate).sensorNoise(sensorNoise).faults(
                        faults)
                .mcu(McuSettings.defaults().withMaxTtlMs(maxTtlMs)).seed(seed).build();
        Emulator emulator = Emulator.start(options);
        banner(out, emulator);
        EmulatorConsole console = EmulatorConsole.start(emulator, out);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                long ranNanos = System.nanoTime() - emulator.startNanos();
                console.close();
                emulator.close();
                summary(out, emulator, ranNanos);
            }
        };
        Thread hook = new Thread(stop, "emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (seconds == null) {
            Thread.currentThread().join(); // until SIGINT or SIGTERM; the hook stops the emulator
        }
        Thread.sleep(Math.round(seconds * 1000));
        stop.run();
        Runtime.getRuntime().removeShutdownHook(hook);
        return 0;
    }

    /** {@code HOST:PORT} with a port in 0..65535 (0: any free port). */
    static InetSocketAddress listenAddress(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        int port = -1;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isBlank() || port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "--listen must be HOST:PORT with a port in 0..65535 (0: a free one), got '"
                            + text + "'");
        }
        return new InetSocketAddress(host, port);
    }

    private void banner(PrintWriter out, Emulator e) {
        EmulatorOptions o = e.options();
        McuSettings mcu = o.mcu();
        out.println("emulating the robot's motor MCU on " + e.linkUri() + " (--env-config link=" + e.linkUri() + ")");
        out.println("  dynamics: " + o.dynamics().source() + ": " + o.dynamics().describeDynamics());
        out.printf(Locale.ROOT, "  physics %d Hz (latency ticks at %d Hz), sensor noise %s; MCU: protocol %d, sensors "
                + "%d Hz by default (up to %d), max TTL %d ms%n", o.physicsRateHz(), o.controlRateHz(),
                o
                        .sensorNoise() ? "on" : "off",
                mcu.protocolVersion(), mcu.sensorRateHz(), mcu.maxSensorRateHz(), mcu.maxTtlMs());
        out.println("  faults: " + o.faults().describe());
        out.println(seconds == null ? "Ctrl-C stops it" : "stops after " + seconds + " s");
        out.flush();
    }

    private static void summary(PrintWriter out, Emulator e, long ranNanos) {
        McuEndpoint mcu = e.mcu();
        out.printf(Locale.ROOT, "emulator stopped after %.1f s: %d connection(s), %d motor commands applied, %d TTL "
                + "stops, %d sensor frames, %d frames rejected%n", (System.nanoTime() - e.startNanos()) / 1e9,
                e
                        .connections(),
                mcu.commandsApplied(), mcu.ttlExpiries(), mcu.sensorFrames(), mcu.rejectedFrames());
        out.println("  link faults: " + e.faults().describe());
        out.flush();
    }
}
