package dev.metapilot.robot.pi4j;

import com.pi4j.io.gpio.digital.PullResistance;
import dev.metapilot.robot.io.RobotGeometry;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the robot is wired to this computer, as the pins file says: GPIO numbers are BCM numbers (the {@code GPIOn}
 * names, not header pin positions), PWM channels those of the hardware PWM chip.
 *
 * <p>
 * Read by {@link PinsFile} when the hardware opens; immutable.
 *
 * @param geometry counts per revolution, wheel radius, track width
 * @param pwmFrequencyHz PWM frequency of both motors
 * @param leftMotor the left H-bridge channel
 * @param rightMotor the right H-bridge channel
 * @param leftEncoder the left wheel's quadrature encoder
 * @param rightEncoder the right wheel's quadrature encoder
 * @param imu the IMU on I2C
 * @param estop the e-stop input
 * @param operatorButton the operator's button, when there is one
 */
public record Wiring(RobotGeometry geometry, int pwmFrequencyHz, Motor leftMotor, Motor rightMotor,
        Encoder leftEncoder, Encoder rightEncoder, Imu imu, InputPin estop, Optional<InputPin> operatorButton) {

    public Wiring {
        Objects.requireNonNull(geometry, "geometry is null");
        Objects.requireNonNull(leftMotor, "leftMotor is null");
        Objects.requireNonNull(rightMotor, "rightMotor is null");
        Objects.requireNonNull(leftEncoder, "leftEncoder is null");
        Objects.requireNonNull(rightEncoder, "rightEncoder is null");
        Objects.requireNonNull(imu, "imu is null");
        Objects.requireNonNull(estop, "estop is null");
        Objects.requireNonNull(operatorButton, "operatorButton is null");
    }

    /**
     * One H-bridge channel: a PWM output for the magnitude and one direction pin (PH/EN drivers such as the DRV8871 in
     * phase mode or a Cytron MDD10A), or two (IN1/IN2 drivers such as the TB6612FNG or L298N: the second is always the
     * complement of the first).
     *
     * @param pwmChannel channel of the hardware PWM chip
     * @param directionPin GPIO high for forward (before {@code reversed})
     * @param directionPinB GPIO driven with the complement of {@code directionPin}, if wired
     * @param reversed the motor is mounted mirrored: forward commands drive the direction pin low
     */
    public record Motor(int pwmChannel, int directionPin, OptionalInt directionPinB, boolean reversed) {

        public Motor {
            Objects.requireNonNull(directionPinB, "directionPinB is null");
        }
    }

    /**
     * A quadrature encoder: channel A leads channel B when the wheel turns forward (before {@code reversed}).
     *
     * @param aPin GPIO of channel A
     * @param bPin GPIO of channel B
     * @param pull the pins' internal pull resistors (open-collector encoders need {@code UP})
     * @param reversed the encoder counts down when the wheel turns forward
     */
    public record Encoder(int aPin, int bPin, PullResistance pull, boolean reversed) {

        public Encoder {
            Objects.requireNonNull(pull, "pull is null");
        }
    }

    /**
     * An MPU-6050 (or register-compatible MPU-6500/9250) on I2C, mounted with its axes along the robot's.
     *
     * @param bus I2C bus number ({@code /dev/i2c-N})
     * @param address 7-bit device address, 0x68 (AD0 low) or 0x69 (AD0 high)
     * @param forward the IMU axis that points forward on the robot
     * @param up the IMU axis that points up on the robot
     */
    public record Imu(int bus, int address, Axis forward, Axis up) {

        public Imu {
            Objects.requireNonNull(forward, "forward is null");
            Objects.requireNonNull(up, "up is null");
            if (forward.index() == up.index()) {
                throw new IllegalArgumentException("forward and up must be different IMU axes, got " + forward
                        + " and " + up);
            }
        }
    }

    /**
     * A digital input: an e-stop (normally closed to ground with a pull-up, so a cut wire reads pressed) or a button.
     *
     * @param pin GPIO
     * @param activeLow the input reads low when pressed
     * @param pull the internal pull resistor
     */
    public record InputPin(int pin, boolean activeLow, PullResistance pull) {

        public InputPin {
            Objects.requireNonNull(pull, "pull is null");
        }
    }

    /**
     * One axis of the IMU with a sign: {@code +x} is the chip's x axis, {@code -z} its z axis reversed.
     *
     * @param index 0 for x, 1 for y, 2 for z
     * @param sign +1 or -1
     */
    public record Axis(int index, int sign) {

        public Axis {
            if (index < 0 || index > 2 || (sign != 1 && sign != -1)) {
                throw new IllegalArgumentException("not an axis: index " + index + ", sign " + sign);
            }
        }

        /** Parses {@code +x}, {@code -y}, ...; null when the text is not an axis. */
        static Axis parse(String text) {
            if (text.length() != 2 || (text.charAt(0) != '+' && text.charAt(0) != '-')) {
                return null;
            }
            int index = "xyz".indexOf(text.charAt(1));
            return index < 0 ? null : new Axis(index, text.charAt(0) == '+' ? 1 : -1);
        }

        @Override
        public String toString() {
            return (sign > 0 ? "+" : "-") + "xyz".charAt(index);
        }
    }
}
