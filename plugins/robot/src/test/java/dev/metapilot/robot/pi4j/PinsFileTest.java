package dev.metapilot.robot.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.io.gpio.digital.PullResistance;
import dev.metapilot.robot.io.RobotGeometry;
import dev.metapilot.robot.testing.MockPi4j;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pins file: the shipped example, and every kind of mistake reported with its place and field. */
class PinsFileTest {

    private static final String EXAMPLE = read(MockPi4j.EXAMPLE_PINS);

    @Test
    void theShippedExampleReads() {
        Wiring w = PinsFile.read(MockPi4j.EXAMPLE_PINS);
        assertThat(w.geometry()).isEqualTo(RobotGeometry.STANDARD);
        assertThat(w.pwmFrequencyHz()).isEqualTo(20_000);
        assertThat(w.leftMotor()).isEqualTo(new Wiring.Motor(0, 5, java.util.OptionalInt.of(6), false));
        assertThat(w.rightMotor().reversed()).isTrue();
        assertThat(w.leftEncoder()).isEqualTo(new Wiring.Encoder(17, 27, PullResistance.PULL_UP, false));
        assertThat(w.rightEncoder().reversed()).isTrue();
        assertThat(w.imu()).isEqualTo(new Wiring.Imu(1, 0x68, new Wiring.Axis(0, 1), new Wiring.Axis(2, 1)));
        assertThat(w.estop()).as("normally closed to ground: pressed or cut reads high").isEqualTo(
                new Wiring.InputPin(24, false, PullResistance.PULL_UP));
        assertThat(w.operatorButton()).contains(new Wiring.InputPin(25, true, PullResistance.PULL_UP));
    }

    @Test
    void defaultsFillTheOptionalFields() {
        Wiring w = PinsFile.parse("p.json", EXAMPLE.replace(", \"direction_pin_b\": 6", "").replace(
                ", \"forward_axis\": \"+x\", \"up_axis\": \"+z\"", "").replace(
                        "\"estop\": {\"pin\": 24, \"active\": \"high\", \"pull\": \"up\"}", "\"estop\": {\"pin\": 24}")
                .replace(",\n  \"operator_button\": {\"pin\": 25, \"active\": \"low\", \"pull\": \"up\"}", ""));
        assertThat(w.leftMotor().directionPinB()).isEmpty();
        assertThat(w.imu().forward()).hasToString("+x");
        assertThat(w.imu().up()).hasToString("+z");
        assertThat(w.estop()).as("active low with a pull-up").isEqualTo(new Wiring.InputPin(24, true,
                PullResistance.PULL_UP));
        assertThat(w.operatorButton()).isEmpty();
    }

    @Test
    void mistakesNameThePlaceAndTheField() {
        assertError(EXAMPLE.replace("\"pwm_channel\": 0", "\"pwm_channel\": 7"),
                "p.json:8:33: field 'left_motor.pwm_channel' must be an integer in [0, 3], got 7");
        assertError(EXAMPLE.replace("\"a_pin\": 22", "\"a_pin\": 5"),
                "GPIO 5 is used twice: by 'left_motor.direction_pin' and by 'right_encoder.a_pin'");
        assertError(EXAMPLE.replace("\"pull\": \"up\", \"reversed\": true", "\"pul\": \"up\", \"reversed\": true"),
                "unknown field 'right_encoder.pul'; valid here: a_pin, b_pin, pull, reversed");
        assertError(EXAMPLE.replace("\"track_width_m\": 0.16", "\"track\": 0.16"), "unknown field 'geometry.track'");
        assertError(EXAMPLE.replace("\"pwm_frequency_hz\": 20000,", ""), "missing field 'pwm_frequency_hz'");
        assertError(EXAMPLE.replace("\"0x68\"", "\"0x50\""), "field 'imu.address' must be an integer in [0x68, 0x69]");
        assertError(EXAMPLE.replace("\"up_axis\": \"+z\"", "\"up_axis\": \"-x\""),
                "field 'imu.up_axis' is -x, on the same axis as forward_axis +x");
        assertError(EXAMPLE.replace("\"mpu6050\"", "\"bno055\""), "field 'imu.model' must be one of \"mpu6050\"");
        assertError(EXAMPLE.replace("\"wheel_radius_m\": 0.035", "\"wheel_radius_m\": 0"),
                "field 'geometry.wheel_radius_m' must be a number in (0.0, 1.0], got 0");
        assertError(EXAMPLE.replace("\"pwm_channel\": 1", "\"pwm_channel\": 0"),
                "field 'right_motor.pwm_channel' is 0, the left motor's channel too");
        assertError(EXAMPLE.replace("\"reversed\": true}", "\"reversed\": \"yes\"}"), "must be true or false");
        assertError(EXAMPLE.replace("\"pin\": 24,", "\"pin\": 24,,"),
                "p.json:13:23: expected a quoted field name, got ','");
        assertError("[]", "p.json:1:1: the file must be an object, got an array");
    }

    @Test
    void aBridgeReadsOnlyTheGeometry(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("robot.json");
        Files.writeString(file, "{\"geometry\": {\"counts_per_revolution\": 1440, \"wheel_radius_m\": 0.05, "
                + "\"track_width_m\": 0.2}}");
        assertThat(PinsFile.readGeometry(file)).isEqualTo(new RobotGeometry(1440, 0.05, 0.2));
        assertThat(PinsFile.readGeometry(MockPi4j.EXAMPLE_PINS)).isEqualTo(RobotGeometry.STANDARD);
        assertThatThrownBy(() -> PinsFile.read(file)).hasMessageContaining("missing field 'pwm_frequency_hz'");
        assertThatThrownBy(() -> PinsFile.read(dir.resolve("absent.json"))).isInstanceOf(
                UncheckedIOException.class).hasMessageContaining("absent.json");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> PinsFile.parse("p.json", text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
