package dev.metapilot.bridge.mcu;

import dev.metapilot.bridge.message.SensorSample;

/**
 * What the MCU firmware drives and reads: the motor outputs, the encoders and IMU, the e-stop button. The emulator
 * implements it with the locomotion physics, tests with a recording fake. Called on the {@link McuEndpoint}'s thread
 * (the {@link McuServer} loop).
 */
public interface McuHardware {

    /** Sets the motor outputs, each in [-1, 1] (a multiple of 1/32767); called whenever they change. */
    void drive(float left, float right, long nowNanos);

    /**
     * Fills the encoder and IMU fields of {@code out} for a sample taken at {@code nowNanos}; the endpoint sets the
     * time stamp, applied outputs and status itself.
     */
    void sample(SensorSample out, long nowNanos);

    /** Whether the hardware e-stop button is pressed now; polled every tick. */
    default boolean estopPressed(long nowNanos) {
        return false;
    }
}
