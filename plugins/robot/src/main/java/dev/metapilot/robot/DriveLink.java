package dev.metapilot.robot;

import dev.metapilot.bridge.transport.LinkAddress;
import java.util.Objects;

/**
 * How the agent reaches the robot's motors and sensors, the {@code link} option: GPIO, PWM and I2C of this computer
 * through Pi4J ({@code pi4j}), or a motor MCU over the firmware bridge ({@code tcp://HOST:PORT},
 * {@code serial:DEVICE?baud=N}). Parsed by {@link RobotConfig} on the main thread; immutable.
 */
public sealed interface DriveLink {

    /** The option value for Pi4J. */
    String PI4J = "pi4j";

    /** The accepted forms, for error messages. */
    String FORMS = PI4J + ", " + LinkAddress.FORMS;

    /** The option value this link was parsed from. */
    String text();

    /**
     * Parses the {@code link} option.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static DriveLink parse(String text) {
        if (PI4J.equals(text)) {
            return new Pi4j();
        }
        try {
            return new Bridge(LinkAddress.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(LinkAddress.FORMS, FORMS), e);
        }
    }

    /** This computer's own GPIO, hardware PWM and I2C, wired as the pins file says. */
    record Pi4j() implements DriveLink {

        @Override
        public String text() {
            return PI4J;
        }
    }

    /** A motor MCU speaking the firmware bridge protocol at {@code address}. */
    record Bridge(LinkAddress address) implements DriveLink {

        public Bridge {
            Objects.requireNonNull(address, "address is null");
        }

        @Override
        public String text() {
            return address.uri();
        }
    }
}
