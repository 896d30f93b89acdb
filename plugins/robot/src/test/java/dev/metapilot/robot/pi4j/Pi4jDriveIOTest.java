package dev.metapilot.robot.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.io.gpio.digital.DigitalState;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.HardwareFaultException;
import dev.metapilot.robot.io.RobotGeometry;
import dev.metapilot.robot.testing.FakeTicker;
import dev.metapilot.robot.testing.MockPi4j;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Pi4J drive on Pi4J's mock platform, wired as the example pins file (inputs active high, see MockPi4j). */
class Pi4jDriveIOTest {

    private static final long STALE = 100_000_000L;
    private static final double METRES_PER_COUNT = RobotGeometry.STANDARD.encoder().metresPerCount();

    private final MockPi4j mock = new MockPi4j();
    private final FakeTicker ticker = new FakeTicker();
    private final DriveInputs inputs = new DriveInputs();
    private final Pi4jDriveIO io = Pi4jDriveIO.open(mock.context, false, MockPi4j.wiring(), ticker, STALE);

    @AfterEach
    void close() {
        io.close();
        mock.close();
    }

    @Test
    void opensWithMotorsOffAndTheImuConfigured() {
        assertThat(mock.duty("left")).isZero();
        assertThat(mock.duty("right")).isZero();
        assertThat(mock.pwm("left").frequency()).isEqualTo(20_000);
        assertThat(mock.imu().written(Mpu6050.PWR_MGMT_1)).as("awake, PLL clock").isEqualTo(0x01);
        assertThat(mock.imu().written(Mpu6050.GYRO_CONFIG)).as("±2000 °/s").isEqualTo(0x18);
        assertThat(mock.imu().written(Mpu6050.ACCEL_CONFIG)).as("±2 g").isEqualTo(0x00);
        assertThat(mock.imu().written(Mpu6050.CONFIG)).as("44 Hz low-pass").isEqualTo(0x03);
        assertThat(io.health().healthy()).isTrue();
    }

    @Test
    void pwmDutyCyclesAndDirectionPinsFollowTheCommands() {
        assertThat(io.setMotors(0.5f, 0.25f)).isTrue();
        assertThat(mock.duty("left")).isEqualTo(50);
        assertThat(mock.duty("right")).isEqualTo(25);
        assertThat(mock.pwm("left").isOn()).isTrue();
        assertThat(mock.direction("left", "dir")).isEqualTo(DigitalState.HIGH);
        assertThat(mock.direction("left", "dir-b")).as("IN2 is the complement of IN1").isEqualTo(DigitalState.LOW);
        assertThat(mock.direction("right", "dir")).as("the right motor is mounted reversed").isEqualTo(
                DigitalState.LOW);
        assertThat(mock.direction("right", "dir-b")).isEqualTo(DigitalState.HIGH);

        assertThat(io.setMotors(-0.734f, -1f)).isTrue();
        assertThat(mock.duty("left")).as("whole percent").isEqualTo(73);
        assertThat(mock.duty("right")).isEqualTo(100);
        assertThat(mock.direction("left", "dir")).isEqualTo(DigitalState.LOW);
        assertThat(mock.direction("left", "dir-b")).isEqualTo(DigitalState.HIGH);
        assertThat(mock.direction("right", "dir")).isEqualTo(DigitalState.HIGH);

        io.updateInputs(inputs);
        assertThat(inputs.appliedLeft).isEqualTo(-0.73, within(1e-9));
        assertThat(inputs.appliedRight).isEqualTo(-1.0, within(1e-9));

        assertThat(io.setMotors(0f, 0f)).isTrue();
        assertThat(mock.duty("left")).isZero();
        assertThat(mock.duty("right")).isZero();
        assertThat(mock.direction("left", "dir")).as("zero leaves the direction").isEqualTo(DigitalState.LOW);
    }

    @Test
    void encoderEdgesBecomeWheelSpeeds() {
        io.updateInputs(inputs);
        assertThat(inputs.leftSpeed).isZero();
        mock.turn("left", 40);
        mock.turn("right", 40);
        ticker.advanceMillis(50);
        io.updateInputs(inputs);
        assertThat(inputs.leftCounts).isEqualTo(40);
        assertThat(inputs.rightCounts).as("the right encoder is mounted reversed").isEqualTo(-40);
        assertThat(inputs.leftSpeed).isEqualTo(40 * METRES_PER_COUNT / 0.05, within(1e-9));
        assertThat(inputs.rightSpeed).isEqualTo(-40 * METRES_PER_COUNT / 0.05, within(1e-9));
        assertThat(inputs.leftPosition).isEqualTo(40 * METRES_PER_COUNT, within(1e-12));

        mock.turn("left", -10);
        mock.turn("right", -30);
        ticker.advanceMillis(25);
        io.updateInputs(inputs);
        assertThat(inputs.leftCounts).isEqualTo(30);
        assertThat(inputs.leftSpeed).isEqualTo(-10 * METRES_PER_COUNT / 0.025, within(1e-9));
        assertThat(inputs.rightSpeed).isEqualTo(30 * METRES_PER_COUNT / 0.025, within(1e-9));
        assertThat(io.missedEncoderEdges()).isZero();
    }

    @Test
    void theImuGivesYawRateAndForwardAccelerationInSiUnits() {
        mock.imu().hold(1.5, -0.75);
        io.updateInputs(inputs);
        assertThat(inputs.forwardAcceleration).isEqualTo(1.5, within(0.001));
        assertThat(inputs.yawRate).isEqualTo(-0.75, within(0.002));
        mock.imu().holdRaw(0, 0, 16384, 0, 0, 32767);
        io.updateInputs(inputs);
        assertThat(inputs.yawRate).as("full scale is 2000 °/s").isEqualTo(Math.toRadians(32767 / 16.4), within(
                1e-9));
    }

    @Test
    void anEStopPressForcesZeroOutputAtOnceFromItsListener() {
        io.setMotors(0.8f, -0.6f);
        assertThat(mock.duty("left")).isEqualTo(80);

        mock.estop(true);
        assertThat(mock.duty("left")).as("zero before any further control period").isZero();
        assertThat(mock.duty("right")).isZero();
        assertThat(io.health().fault()).isEqualTo(Fault.ESTOP);
        assertThat(io.health().detail()).contains("GPIO 24", "pressed");

        assertThat(io.setMotors(0.8f, 0.8f)).as("refused while latched").isFalse();
        assertThat(mock.duty("left")).isZero();
        io.updateInputs(inputs);
        assertThat(inputs.estop).isTrue();

        mock.estop(false);
        assertThat(io.setMotors(0.5f, 0.5f)).as("a released button leaves the latch engaged").isFalse();
        assertThat(io.health().detail()).contains("latched until the next trial");
        io.clearLatchedFaults();
        assertThat(io.health().healthy()).isTrue();
        assertThat(io.setMotors(0.5f, 0.5f)).isTrue();
        assertThat(mock.duty("left")).isEqualTo(50);
    }

    @Test
    void aHeldEStopIsNotClearedAtTheStartOfATrial() {
        mock.estop(true);
        io.clearLatchedFaults();
        assertThat(io.health().fault()).isEqualTo(Fault.ESTOP);
    }

    @Test
    void failingI2cReadsMakeTheSensorsStaleAndHoldTheMotorsAtZero() {
        io.setMotors(0.4f, 0.4f);
        mock.imu().failReads(true);
        ticker.advanceMillis(50);
        io.updateInputs(inputs);
        assertThat(io.health().healthy()).as("one failed read is within the stale limit").isTrue();
        ticker.advanceMillis(60);
        io.updateInputs(inputs);
        assertThat(io.health().fault()).isEqualTo(Fault.STALE_SENSORS);
        assertThat(io.health().detail()).contains("I2C bus 1, address 0x68", "Remote I/O error");
        assertThat(io.setMotors(0.4f, 0.4f)).isFalse();
        assertThat(mock.duty("left")).isZero();

        mock.imu().failReads(false);
        io.updateInputs(inputs);
        assertThat(io.health().healthy()).as("good readings again").isTrue();
    }

    @Test
    void theOperatorButtonReleasesAWaitingGate() throws Exception {
        var gate = io.operatorButton().orElseThrow();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                gate.await("test: press the button");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(20);
        assertThat(waiting).isNotDone();
        while (!waiting.isDone()) {
            mock.pressButton();
            Thread.sleep(5);
        }
        waiting.get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingZeroesTheMotorsAndReportsTheLinkDown() {
        io.setMotors(0.3f, 0.3f);
        io.close();
        assertThat(io.health().fault()).isEqualTo(Fault.LINK_DOWN);
        assertThat(io.setMotors(0.3f, 0.3f)).isFalse();
        io.close();
    }

    @Test
    void anImuThatDoesNotAnswerRefusesTheOpenNamingTheField() {
        try (MockPi4j other = new MockPi4j()) {
            other.imuAnswers(false);
            assertThatThrownBy(() -> Pi4jDriveIO.open(other.context, false, MockPi4j.wiring(), ticker, STALE))
                    .isInstanceOf(HardwareFaultException.class).hasMessageContaining("field 'imu'")
                    .hasMessageContaining("I2C bus 1, address 0x68");
            assertThat(other.context.registry().exists("robot-left-pwm")).as("what was opened is shut down again")
                    .isFalse();
        }
    }
}
