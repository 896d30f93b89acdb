package dev.metapilot.robot.io;

import dev.metapilot.env.HardwareHealth;
import java.util.Optional;

/**
 * The differential-drive hardware of the robot: two motors, two wheel encoders, an IMU and an e-stop, behind the
 * firmware bridge ({@code BridgeDriveIO}), Pi4J ({@code Pi4jDriveIO}) or a test fake.
 *
 * <p>
 * The environment's control thread calls {@link #updateInputs} once per control period, then {@link #setMotors} with
 * the period's command: read all inputs, then decide, then write. {@link #stop()} and {@link #health()} may be called
 * from any thread at any moment (the real-time loop's watchdog, a shutdown hook); {@code stop()} never throws.
 */
public interface DriveIO extends AutoCloseable {

    /** Overwrites every field of {@code inputs} with the newest readings; control thread, allocation-free. */
    void updateInputs(DriveInputs inputs);

    /**
     * Commands both motors, each a signed fraction of full drive in {@code [-1, 1]}; control thread.
     *
     * @return true when the command went out as given; false when the hardware holds the motors at zero instead (e-stop
     * latched, sensors stale, link down) or nothing could be sent
     */
    boolean setMotors(float left, float right);

    /** Commands both motors to zero now; idempotent, thread-safe, never throws. */
    void stop();

    /** The health of the sensors, link and e-stop now; cheap, thread-safe. */
    HardwareHealth health();

    /**
     * Clears latched faults whose cause is gone (a released e-stop pin, a motor-controller fault report); called by the
     * environment on its control thread with the motors stopped, at the start of a trial only, so that a fault always
     * ends the trial it happened in.
     */
    void clearLatchedFaults();

    /** A button on the robot the operator presses to start the next episode, when this hardware has one wired. */
    default Optional<OperatorGate> operatorButton() {
        return Optional.empty();
    }

    /** Stops the motors and releases the hardware; idempotent, never throws. */
    @Override
    void close();

    /** Opens the hardware; called by the environment on its first reset, on the control thread. */
    @FunctionalInterface
    interface Opener {

        /**
         * Opens and returns the drive.
         *
         * @throws IllegalArgumentException when its configuration (a pins file) is invalid, naming the key
         * @throws dev.metapilot.robot.io.HardwareFaultException when the hardware cannot be opened
         */
        DriveIO open();
    }
}
