package dev.metapilot.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.env.testing.EnvironmentContract;
import dev.metapilot.locomotion.LocomotionTask;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.DriveObservation;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.locomotion.tracking.TrackingReward;
import dev.metapilot.robot.io.HardwareFaultException;
import dev.metapilot.robot.io.OperatorGate;
import dev.metapilot.robot.testing.FakeTicker;
import dev.metapilot.robot.testing.SimulatedDriveIO;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The robot environment on a drive simulated with the locomotion physics, in simulated time. */
class RobotEnvironmentTest {

    private static final RobotConfig CONFIG = new RobotConfig(DriveLink.parse("tcp://127.0.0.1:7300"), Optional
            .empty(), new DriveTarget(0.3, 0), 4, 5, 20, 100, 0.01, 0.5, 10, 5, OperatorMode.NONE);
    /** A slope steeper than the friction angle: the robot rolls back with its motors at zero. */
    private static final DriveDynamics RUNAWAY = new DriveDynamics(0, 1, 1, 0, 0.03, 0, 0.01, 20, 0, 0);

    private final FakeTicker ticker = new FakeTicker();
    private final SimulatedDriveIO drive = new SimulatedDriveIO(DriveDynamics.NOMINAL, CONFIG.controlPeriod(),
            ticker);
    private final float[] obs = new float[DriveObservation.SIZE];
    private final Action action = Action.of(DriveCommand.space());
    private final StepResult result = new StepResult();

    @Test
    void passesTheEnvironmentContractOnASimulatedDrive() {
        RobotFactory factory = new RobotFactory(CONFIG, () -> new SimulatedDriveIO(DriveDynamics.NOMINAL, CONFIG
                .controlPeriod(), ticker), OperatorGate.NONE, ticker);
        EnvironmentContract.check(factory);
    }

    @Test
    void thePidBaselineTracksTheTargetAsInSimulation() {
        RobotFactory factory = factory(OperatorGate.NONE);
        Baseline pid = factory.baselines().get(1);
        Task task = factory.tasks().sample(Split.TEST, 0);
        List<Float> returns = new ArrayList<>();
        int successes = 0;
        try (RobotEnvironment env = factory.create()) {
            env.setTask(task);
            StepInput input = new StepInput(env.spec());
            input.beginTrial();
            Baseline.Actor actor = pid.start(task, 0);
            for (int e = 0; e < 4; e++) {
                env.reset(e, input.observation());
                float ret = 0;
                do {
                    actor.act(input, action);
                    env.step(action, input.observation(), result);
                    ret += result.reward();
                    input.record(action, result.reward(), result.done());
                } while (!result.done());
                input.nextEpisode();
                returns.add(ret);
                successes += result.success() ? 1 : 0;
                assertThat(drive.left()).as("motors off at the end of the episode").isZero();
            }
        }
        assertThat(returns).allSatisfy(r -> assertThat(r).isBetween(-1.5f, 0f));
        assertThat(successes).isEqualTo(4);
        assertThat(drive.drive().x()).as("four episodes driven forward").isGreaterThan(4 * 1.0);
    }

    @Test
    void stepsObserveMeasuredMotionAndScoreItWithTheSimulationsReward() {
        try (RobotEnvironment env = started()) {
            action.values()[0] = 0.6f;
            action.values()[1] = 0.4f;
            env.step(action, obs, result);
            env.step(action, obs, result);
            assertThat(drive.left()).isEqualTo(0.6f);
            assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).isEqualTo((float) env.inputs().leftSpeed);
            assertThat(obs[DriveObservation.RIGHT_WHEEL_SPEED]).isEqualTo((float) env.inputs().rightSpeed);
            assertThat(obs[DriveObservation.YAW_RATE]).isEqualTo((float) env.inputs().yawRate);
            assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).as("moving after one period of latency")
                    .isPositive();
            assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).isEqualTo(0.6f);
            assertThat(obs[DriveObservation.PREVIOUS_RIGHT_COMMAND]).isEqualTo(0.4f);
            double speed = 0.5 * (env.inputs().leftSpeed + env.inputs().rightSpeed);
            float expected = TrackingReward.of(speed - 0.3, TrackingReward.wrap(env.tracking().heading()), 0.6f,
                    0.4f, 0.05);
            assertThat(result.reward()).isEqualTo(expected, within(1e-6f));
        }
    }

    @Test
    void resetWaitsUntilTheRobotIsAtRest() {
        try (RobotEnvironment env = started()) {
            action.values()[0] = 1f;
            action.values()[1] = 1f;
            for (int i = 0; i < 20; i++) {
                env.step(action, obs, result);
            }
            assertThat(drive.drive().speed()).isGreaterThan(0.5);
            long before = ticker.nanoTime();
            env.reset(1, obs);
            assertThat(Math.abs(drive.drive().speed())).isLessThan(0.01);
            assertThat(ticker.nanoTime() - before).as("at least the settle window").isGreaterThanOrEqualTo(
                    500_000_000L);
            assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).isEqualTo(0f);
            assertThat(obs[DriveObservation.HEADING_COS]).as("heading restarts at 0").isEqualTo(1f);
        }
    }

    @Test
    void aRobotThatKeepsMovingWithItsMotorsAtZeroIsAControllerFault() {
        SimulatedDriveIO rolling = new SimulatedDriveIO(RUNAWAY, CONFIG.controlPeriod(), ticker);
        RobotFactory factory = new RobotFactory(CONFIG, rolling.opener(), OperatorGate.NONE, ticker);
        try (RobotEnvironment env = factory.create()) {
            env.setTask(factory.tasks().sample(Split.TEST, 0));
            long before = ticker.nanoTime();
            assertThatThrownBy(() -> env.reset(0, obs)).isInstanceOf(HardwareFaultException.class)
                    .hasMessageContaining("CONTROLLER_FAULT").hasMessageContaining("not at rest 10.0 s");
            assertThat(ticker.nanoTime() - before).isGreaterThanOrEqualTo(10_000_000_000L);
            assertThat(rolling.left()).isZero();
            assertThat(env.health().fault()).isEqualTo(Fault.CONTROLLER_FAULT);
            assertThatThrownBy(() -> env.step(action, obs, result)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void unhealthyHardwareAtResetIsAFaultAfterTheConnectTimeout() {
        drive.fault(new HardwareHealth(Fault.ESTOP, 0, "e-stop pressed"));
        try (RobotEnvironment env = factory(OperatorGate.NONE).create()) {
            env.setTask(factory(OperatorGate.NONE).tasks().sample(Split.TEST, 0));
            assertThatThrownBy(() -> env.reset(0, obs)).isInstanceOf(HardwareFaultException.class).satisfies(
                    e -> assertThat(((HardwareFaultException) e).health().fault()).isEqualTo(Fault.ESTOP))
                    .hasMessageContaining("e-stop pressed (not healthy within connect-timeout 5.0 s)");
            drive.fault(null);
            env.reset(0, obs);
            assertThat(env.health().healthy()).isTrue();
        }
    }

    @Test
    void safeStopHoldsTheMotorsAtZeroUntilTheNextReset() throws Exception {
        try (RobotEnvironment env = started()) {
            action.values()[0] = 0.5f;
            action.values()[1] = 0.5f;
            env.step(action, obs, result);
            assertThat(drive.left()).isEqualTo(0.5f);
            Thread other = new Thread(env::safeStop);
            other.start();
            other.join();
            env.safeStop();
            assertThat(drive.left()).isZero();
            env.step(action, obs, result);
            assertThat(drive.left()).as("held").isZero();
            assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).as("what was applied").isZero();
            env.reset(1, obs);
            env.step(action, obs, result);
            assertThat(drive.left()).isEqualTo(0.5f);
        }
    }

    @Test
    void episodesEndByTruncationWithTheMotorsStopped() {
        try (RobotEnvironment env = started()) {
            action.values()[0] = 0.3f;
            action.values()[1] = 0.3f;
            for (int i = 1; i <= 100; i++) {
                env.step(action, obs, result);
                assertThat(result.truncated()).isEqualTo(i == 100);
                assertThat(result.terminated()).isFalse();
            }
            assertThat(drive.left()).isZero();
            assertThatThrownBy(() -> env.step(action, obs, result)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("after the end");
        }
    }

    @Test
    void theHardwareOpensOnTheFirstResetOnlyAndClosesWithTheEnvironment() {
        RobotEnvironment env = factory(OperatorGate.NONE).create();
        assertThat(drive.opens()).isZero();
        env.setTask(factory(OperatorGate.NONE).tasks().sample(Split.TRAIN, 0));
        env.reset(0, obs);
        env.reset(1, obs);
        assertThat(drive.opens()).isEqualTo(1);
        env.close();
        env.close();
        assertThat(drive.closed()).isTrue();
        assertThat(env.health().fault()).isEqualTo(Fault.LINK_DOWN);
        assertThatThrownBy(() -> env.reset(2, obs)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theOperatorIsAskedBetweenEpisodesWhenConfigured() {
        List<String> prompts = new ArrayList<>();
        RobotConfig withOperator = new RobotConfig(CONFIG.link(), CONFIG.pins(), CONFIG.target(), 4, 5, 20, 100,
                0.01, 0.5, 10, 5, OperatorMode.ENTER);
        RobotFactory factory = new RobotFactory(withOperator, drive.opener(), prompts::add, ticker);
        try (RobotEnvironment env = factory.create()) {
            env.setTask(factory.tasks().sample(Split.TEST, 3));
            env.reset(0, obs);
            env.reset(1, obs);
        }
        assertThat(prompts).containsExactly("robot at rest: episode 1 of robot-test-3 starts after the operator",
                "robot at rest: episode 2 of robot-test-3 starts after the operator");
    }

    @Test
    void refusesTasksOfOtherPlugins() {
        try (RobotEnvironment env = factory(OperatorGate.NONE).create()) {
            assertThatThrownBy(() -> env.setTask(new LocomotionTask("x", "test", DriveDynamics.NOMINAL,
                    new DriveTarget(0.3, 0)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                            "robot task");
            assertThatThrownBy(() -> env.reset(0, obs)).hasMessageContaining("reset before setTask");
        }
    }

    private RobotFactory factory(OperatorGate console) {
        return new RobotFactory(CONFIG, drive.opener(), console, ticker);
    }

    private RobotEnvironment started() {
        RobotFactory factory = factory(OperatorGate.NONE);
        RobotEnvironment env = factory.create();
        env.setTask(factory.tasks().sample(Split.TEST, 0));
        env.reset(0, obs);
        return env;
    }
}
