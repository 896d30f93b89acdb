package dev.metapilot.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.bridge.mcu.McuServer;
import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.bridge.testing.Await;
import dev.metapilot.env.Action;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.DriveObservation;
import dev.metapilot.robot.io.HardwareFaultException;
import dev.metapilot.robot.testing.WheelHardware;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin as the agent configures it ({@code link=tcp://127.0.0.1:PORT}), against the firmware bridge's MCU side on
 * loopback whose wheels follow the motor outputs: the path the emulator and the real-time loop use.
 */
class RobotOverBridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final WheelHardware hardware = new WheelHardware();
    private final McuServer server;
    private final float[] obs = new float[DriveObservation.SIZE];
    private final Action action = Action.of(DriveCommand.space());
    private final StepResult result = new StepResult();

    RobotOverBridgeTest() throws Exception {
        server = McuServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), McuSettings.defaults(),
                hardware);
    }

    /** The plugin configured as the agent would, with {@code connectTimeout} seconds for the hardware to be healthy. */
    private RobotFactory factory(String connectTimeout) {
        RobotPlugin plugin = new RobotPlugin();
        return (RobotFactory) plugin.configure(Map.of("link",
                "tcp://127.0.0.1:" + server.address().getPort(), "episode-seconds", "1", "rate", "20",
                "settle-seconds", "0.1", "stale-ms", "300", "connect-timeout", connectTimeout));
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void anEpisodeDrivesTheMcuAndObservesItsEncoders() throws Exception {
        RobotFactory factory = factory("3");
        try (RobotEnvironment env = factory.create()) {
            env.setTask(factory.tasks().sample(Split.TEST, 0));
            env.reset(0, obs);
            assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).isZero();
            action.values()[0] = 0.6f;
            action.values()[1] = 0.6f;
            int steps = 0;
            do {
                env.step(action, obs, result);
                steps++;
                Thread.sleep(50);
            } while (!result.done());
            assertThat(steps).isEqualTo(20);
            assertThat(result.truncated()).isTrue();
            assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).as("0.6 of 0.5 m/s").isEqualTo(0.3f, within(0.05f));
            assertThat(obs[DriveObservation.RIGHT_WHEEL_SPEED]).isEqualTo(0.3f, within(0.05f));
            assertThat(result.reward()).as("close to the 0.3 m/s target").isGreaterThan(-0.05f);
            Await.until("motors at zero at the end of the episode", WAIT, () -> hardware.left() == 0f);

            env.reset(1, obs);
            env.step(action, obs, result);
            Await.until("driving again", WAIT, () -> hardware.left() > 0f);
            Thread safeStop = new Thread(env::safeStop);
            safeStop.start();
            safeStop.join();
            Await.until("zero after a safe stop", WAIT, () -> hardware.left() == 0f);
            env.step(action, obs, result);
            assertThat(server.endpoint().leftOutput()).as("held at zero").isZero();
        }
        Await.until("zero after close", WAIT, () -> server.endpoint().leftOutput() == 0f);
    }

    @Test
    void anEngagedMcuEStopFailsTheResetWithAnEStopFault() throws Exception {
        RobotFactory factory = factory("0.3");
        try (RobotEnvironment env = factory.create()) {
            env.setTask(factory.tasks().sample(Split.TEST, 0));
            env.reset(0, obs);
            hardware.pressButton(true);
            Await.until("e-stop reported", WAIT, () -> env.health().fault() == Fault.ESTOP);
            assertThatThrownBy(() -> env.reset(1, obs)).isInstanceOf(HardwareFaultException.class)
                    .hasMessageContaining("ESTOP");
        }
    }
}
