package dev.metapilot.robot.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Action;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.DriveObservation;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.robot.DriveLink;
import dev.metapilot.robot.OperatorMode;
import dev.metapilot.robot.RobotConfig;
import dev.metapilot.robot.RobotEnvironment;
import dev.metapilot.robot.RobotFactory;
import dev.metapilot.robot.io.OperatorGate;
import dev.metapilot.robot.io.RobotGeometry;
import dev.metapilot.robot.testing.FakeTicker;
import dev.metapilot.robot.testing.MockPi4j;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The robot environment on Pi4J's mock platform: what the real-time loop sees through the plugin. */
class RobotOnPi4jTest {

    private final MockPi4j mock = new MockPi4j();
    private final FakeTicker ticker = new FakeTicker();
    private final float[] obs = new float[DriveObservation.SIZE];
    private final Action action = Action.of(DriveCommand.space());
    private final StepResult result = new StepResult();

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void anEStopPressZeroesTheMotorsWithinTheControlPeriodAndEndsTheDriving() {
        try (RobotEnvironment env = started(OperatorMode.NONE)) {
            action.values()[0] = 0.7f;
            action.values()[1] = 0.7f;
            env.step(action, obs, result);
            assertThat(mock.duty("left")).isEqualTo(70);
            assertThat(mock.duty("right")).isEqualTo(70);

            ticker.advanceMillis(20);
            mock.estop(true);
            assertThat(mock.duty("left")).as("zero from the pin's listener, before the next step").isZero();
            assertThat(mock.duty("right")).isZero();
            assertThat(env.health().fault()).isEqualTo(Fault.ESTOP);

            ticker.advanceMillis(30);
            env.step(action, obs, result);
            assertThat(mock.duty("left")).isZero();
            assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).as("what the motors got").isZero();
        }
    }

    @Test
    void encoderEdgesAndTheImuBecomeTheObservation() {
        try (RobotEnvironment env = started(OperatorMode.NONE)) {
            mock.turn("left", 60);
            mock.turn("right", 60);
            mock.imu().hold(0.8, 0.25);
            ticker.advanceMillis(50);
            env.step(action, obs, result);
            double speed = 60 * RobotGeometry.STANDARD.encoder().metresPerCount() / 0.05;
            assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).isEqualTo((float) speed, within(1e-6f));
            assertThat(obs[DriveObservation.RIGHT_WHEEL_SPEED]).as("the reversed encoder of the mirrored wheel")
                    .isEqualTo((float) -speed, within(1e-6f));
            assertThat(obs[DriveObservation.FORWARD_ACCELERATION]).isEqualTo(0.8f, within(0.001f));
            assertThat(obs[DriveObservation.YAW_RATE]).isEqualTo(0.25f, within(0.002f));
            assertThat(obs[DriveObservation.HEADING_SIN]).as("heading integrated over the measured 50 ms")
                    .isEqualTo((float) Math.sin(0.25 * 0.05), within(1e-4f));
        }
    }

    @Test
    void theOperatorsButtonStartsTheEpisode() throws Exception {
        RobotFactory factory = factory(OperatorMode.PIN);
        try (RobotEnvironment env = factory.create()) {
            env.setTask(factory.tasks().sample(Split.TEST, 0));
            CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> env.reset(0, obs));
            while (!reset.isDone()) {
                if (mock.context.registry().exists("robot-operator-button")) {
                    mock.pressButton();
                }
                Thread.sleep(2);
            }
            reset.get(5, TimeUnit.SECONDS);
            assertThat(env.health().healthy()).isTrue();
        }
    }

    private RobotFactory factory(OperatorMode operator) {
        RobotConfig config = new RobotConfig(DriveLink.parse("pi4j"), Optional.of(MockPi4j.EXAMPLE_PINS),
                new DriveTarget(0.3, 0), 4, 5, 20, 100, 0.01, 0.5, 10, 5, operator);
        return new RobotFactory(config, () -> Pi4jDriveIO.open(mock.context, false, MockPi4j.wiring(), ticker, config
                .staleNanos()), OperatorGate.NONE, ticker);
    }

    private RobotEnvironment started(OperatorMode operator) {
        RobotFactory factory = factory(operator);
        RobotEnvironment env = factory.create();
        env.setTask(factory.tasks().sample(Split.TEST, 0));
        env.reset(0, obs);
        return env;
    }
}
