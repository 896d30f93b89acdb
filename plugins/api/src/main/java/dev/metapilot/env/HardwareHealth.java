package dev.metapilot.env;

import java.util.Objects;

/**
 * What an {@link ActuatedEnvironment} reports about its hardware at one moment, read by the real-time loop's watchdog.
 *
 * @param fault {@code NONE} when the robot may move, otherwise the reason it must not
 * @param sensorAgeNanos age of the newest sensor reading, {@code Long.MAX_VALUE} when none has arrived
 * @param detail a human-readable explanation for logs and fault reports (empty when healthy)
 */
public record HardwareHealth(Fault fault, long sensorAgeNanos, String detail) {

    /** Why the hardware must not move, or {@code NONE}. */
    public enum Fault {
        /** Healthy: commands may be written. */
        NONE,
        /** No sensor reading newer than the configured limit. */
        STALE_SENSORS,
        /** The link to the motor controller is down (reconnecting or given up). */
        LINK_DOWN,
        /** An emergency stop is latched (pin, button or MCU report). */
        ESTOP,
        /** The motor controller reported a fault. */
        CONTROLLER_FAULT
    }

    public HardwareHealth {
        Objects.requireNonNull(fault, "fault is null");
        Objects.requireNonNull(detail, "detail is null");
        if (sensorAgeNanos < 0) {
            throw new IllegalArgumentException("sensorAgeNanos must be >= 0, got " + sensorAgeNanos);
        }
    }

    /** A healthy report with the given sensor age. */
    public static HardwareHealth ok(long sensorAgeNanos) {
        return new HardwareHealth(Fault.NONE, sensorAgeNanos, "");
    }

    /** Whether commands may be written. */
    public boolean healthy() {
        return fault == Fault.NONE;
    }
}
