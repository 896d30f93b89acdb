package dev.metapilot.sim.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.locomotion.physics.DifferentialDrive;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.RobotBody;
import org.junit.jupiter.api.Test;

/**
 * The emulated robot on the MCU's clock, without threads or sockets: it integrates the locomotion model's physics in
 * real time (the same trajectory as the model stepped directly), reports whole encoder ticks and the IMU, and applies
 * the task's actuation latency in time.
 */
class EmulatedRobotTest {

    private static final long T0 = 5_000_000_000L;
    private static final long MS = 1_000_000L;

    private static DriveDynamics latency(int ticks) {
        DriveDynamics n = DriveDynamics.NOMINAL;
        return new DriveDynamics(n.payloadKg(), n.leftGain(), n.rightGain(), n.deadband(), n.motorLagSeconds(), ticks,
                n.rollingFriction(), n.slopeDegrees(), n.gyroBias(), n.accelBias());
    }

    @Test
    void followsTheLocomotionModelSteppedAtThePhysicsRate() {
        EmulatedRobot robot = new EmulatedRobot(DriveDynamics.NOMINAL, 200, 20, false, 1, T0);
        DifferentialDrive reference = new DifferentialDrive(RobotBody.STANDARD, 1.0 / 200, 1);
        reference.setDynamics(DriveDynamics.NOMINAL);
        robot.drive(0.6f, 0.4f, T0);
        SensorSample s = new SensorSample();
        robot.sample(s, T0 + 1000 * MS); // 200 physics steps
        for (int i = 0; i < 200; i++) {
            reference.advance(0.6f, 0.4f); // the commands as the MCU has them
        }
        assertThat(robot.motion().physicsSteps()).isEqualTo(200);
        assertThat(robot.motion().x()).isEqualTo(reference.x());
        assertThat(robot.motion().heading()).isEqualTo(reference.heading());
        double metresPerTick = RobotBody.STANDARD.encoder().metresPerCount();
        assertThat(s.leftTicks).isEqualTo((int) Math.floor(reference.leftTravel() / metresPerTick));
        assertThat(s.rightTicks).isEqualTo((int) Math.floor(reference.rightTravel() / metresPerTick));
        assertThat(s.rightTicks).isLessThan(s.leftTicks).isPositive(); // a right turn: the left wheel is faster
        assertThat((double) s.gyroZ).isEqualTo(reference.meanYawRate(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.accelZ).isEqualTo((float) DifferentialDrive.GRAVITY);
    }

    @Test
    void actuationLatencyDelaysTheOutputsByItsTicksAtTheControlRate() {
        // 2 ticks at 20 Hz: 100 ms
        EmulatedRobot robot = new EmulatedRobot(latency(2), 200, 20, false, 1, T0);
        robot.drive(1f, 1f, T0);
        SensorSample s = new SensorSample();
        robot.sample(s, T0 + 95 * MS);
        assertThat(robot.motion().speed()).isZero();
        assertThat(s.leftTicks).isZero();
        robot.sample(s, T0 + 300 * MS);
        assertThat(robot.motion().speed()).isPositive();
    }

    @Test
    void aLongSilenceIsSkippedNotIntegratedStepByStep() {
        EmulatedRobot robot = new EmulatedRobot(DriveDynamics.NOMINAL, 200, 20, false, 1, T0);
        robot.sample(new SensorSample(), T0 + 3_600_000 * MS); // an hour later
        assertThat(robot.motion().physicsSteps()).isEqualTo(200); // at most a second of catching up
    }

    @Test
    void theOutputLogRecordsEveryChangeWithItsTime() {
        EmulatedRobot robot = new EmulatedRobot(DriveDynamics.NOMINAL, 200, 20, false, 1, T0);
        robot.drive(0.5f, 0.5f, T0 + 10 * MS);
        robot.drive(0f, 0f, T0 + 120 * MS);
        assertThat(robot.outputs().firstMoveAtOrAfter(T0)).hasValueSatisfying(c -> assertThat(c.nanos()).isEqualTo(
                T0 + 10 * MS));
        assertThat(robot.outputs().firstStopAtOrAfter(T0 + 11 * MS)).hasValueSatisfying(c -> assertThat(c.nanos())
                .isEqualTo(T0 + 120 * MS));
        assertThat(robot.outputs().stoppedNow()).isTrue();
        robot.pressEStop(true);
        assertThat(robot.estopPressed(T0 + 130 * MS)).isTrue();
    }
}
