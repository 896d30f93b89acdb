package dev.metapilot.robot;

import dev.metapilot.bridge.host.LinkSettings;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.locomotion.PidBaseline;
import dev.metapilot.locomotion.ZeroBaseline;
import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.DriveObservation;
import dev.metapilot.robot.bridge.BridgeDriveIO;
import dev.metapilot.robot.io.DriveIO;
import dev.metapilot.robot.io.OperatorGate;
import dev.metapilot.robot.io.RobotGeometry;
import dev.metapilot.robot.io.Ticker;
import dev.metapilot.robot.pi4j.Pi4jDriveIO;
import dev.metapilot.robot.pi4j.PinsFile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The robot environment of one configuration: spec id {@code robot} with the locomotion plugin's observation and action
 * spaces ({@link DriveObservation}, {@link DriveCommand}), so a policy trained on {@code locomotion} passes the agent's
 * policy check unchanged; {@code episode-seconds · rate} steps per episode; every task the configured target; baselines
 * {@code random}, {@code pid} (the simulation's tuned gains, nominal robot) and {@code zero}. The safe action is zero:
 * motors off.
 *
 * <p>
 * Returned by {@link RobotPlugin#configure}; thread-safe. {@link #create()} does no I/O: the environment opens the
 * hardware on its first reset.
 */
public final class RobotFactory implements EnvironmentFactory {

    private final RobotConfig config;
    private final EnvSpec spec;
    private final RobotTasks tasks;
    private final List<Baseline> baselines;
    private final DriveIO.Opener opener;
    private final OperatorGate console;
    private final Ticker ticker;

    /** The factory for the real hardware that {@code config} names. */
    public RobotFactory(RobotConfig config) {
        this(config, openerFor(config), new ConsoleOperator(System.in, System.err), Ticker.SYSTEM);
    }

    /**
     * A factory whose environments open their drive with {@code opener} (tests: a simulated drive, Pi4J's mock
     * platform).
     *
     * @param console the gate for {@code operator-button=enter}
     */
    public RobotFactory(RobotConfig config, DriveIO.Opener opener, OperatorGate console, Ticker ticker) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.opener = Objects.requireNonNull(opener, "opener is null");
        this.console = Objects.requireNonNull(console, "console is null");
        this.ticker = Objects.requireNonNull(ticker, "ticker is null");
        this.spec = new EnvSpec(RobotTask.ENVIRONMENT_ID, DriveObservation.space(), DriveCommand.space(), config
                .steps(), config.episodes());
        this.tasks = new RobotTasks(config.link().text(), config.target());
        this.baselines = List.of(new RandomBaseline(DriveCommand.space()), new PidBaseline(PidBaseline.TUNED, config
                .controlPeriod(), RobotBody.STANDARD), new ZeroBaseline());
    }

    public RobotConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public RobotTasks tasks() {
        return tasks;
    }

    /** A robot environment; it opens the hardware on its first reset and releases it on close. */
    @Override
    public RobotEnvironment create() {
        return new RobotEnvironment(spec, config, opener, console, ticker);
    }

    @Override
    public List<Baseline> baselines() {
        return baselines;
    }

    /**
     * The bridge link's timing for {@code config}: the command TTL and sensor rate it derives from the control rate,
     * the stale limit from {@code stale-ms}, the rest as PROTOCOL.md's defaults.
     */
    public static LinkSettings linkSettings(RobotConfig config) {
        return LinkSettings.builder().commandTtl(Duration.ofMillis(config.commandTtlMs())).staleAfter(Duration
                .ofMillis(config.staleMs())).sensorRateHz(config.sensorRateHz()).build();
    }

    /** Opens what the link names: the pins file is read only then, when the first reset opens the hardware. */
    private static DriveIO.Opener openerFor(RobotConfig config) {
        return switch (config.link()) {
            case DriveLink.Pi4j p -> () -> Pi4jDriveIO.openOnThisComputer(PinsFile.read(config.pins().orElseThrow()),
                    config.staleNanos());
            case DriveLink.Bridge b -> () -> {
                RobotGeometry geometry = config.pins().map(PinsFile::readGeometry).orElse(RobotGeometry.STANDARD);
                return BridgeDriveIO.open(b.address(), linkSettings(config), geometry.encoder(), config
                        .staleNanos());
            };
        };
    }
}
