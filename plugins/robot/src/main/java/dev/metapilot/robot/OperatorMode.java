package dev.metapilot.robot;

import java.util.Locale;

/**
 * Whether and how the robot waits for the operator between episodes, the {@code operator-button} option: not at all,
 * for the Enter key on the agent's console, or for the button wired to the pin the pins file names.
 *
 * <p>
 * Read by {@link RobotConfig} on the main thread; constants only.
 */
public enum OperatorMode {
    /** Episodes follow each other as soon as the robot is at rest. */
    NONE,
    /** Waits for a line on the agent's standard input. */
    ENTER,
    /** Waits for a press of the {@code operator_button} of the pins file (link {@code pi4j}). */
    PIN;

    /** The option value: {@code none}, {@code enter} or {@code pin}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of an option value, or null for an unknown one. */
    static OperatorMode parse(String value) {
        for (OperatorMode m : values()) {
            if (m.optionValue().equals(value)) {
                return m;
            }
        }
        return null;
    }
}
