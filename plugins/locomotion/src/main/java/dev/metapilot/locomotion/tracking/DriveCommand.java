package dev.metapilot.locomotion.tracking;

import dev.metapilot.env.Box;

/**
 * The action of the locomotion environments and of the real robot: {@code Box([-1, 1]^2)}, the left and right motor
 * commands as signed fractions of full drive (duty cycle); zero is motors off.
 *
 * <p>
 * Read by the environment and the robot's drive on the control thread; constants only.
 */
public final class DriveCommand {

    /** Index of the left motor command. */
    public static final int LEFT = 0;
    /** Index of the right motor command. */
    public static final int RIGHT = 1;

    private static final Box SPACE = Box.uniform(2, -1f, 1f);

    private DriveCommand() {}

    /** The action space. */
    public static Box space() {
        return SPACE;
    }

    /**
     * A motor command clamped to {@code [-1, 1]}.
     *
     * @throws IllegalArgumentException for NaN (the agent's action guard replaces NaN before it gets here)
     */
    public static float clamp(float command) {
        if (Float.isNaN(command)) {
            throw new IllegalArgumentException("motor command is NaN");
        }
        return Math.max(-1f, Math.min(1f, command));
    }
}
