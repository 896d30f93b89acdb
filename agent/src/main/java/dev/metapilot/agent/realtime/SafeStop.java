package dev.metapilot.agent.realtime;

import dev.metapilot.env.HardwareHealth;
import java.util.Locale;
import java.util.Objects;

/**
 * Why the real-time loop stopped the robot before its trials were done. Created on the loop thread when the stop is
 * decided (the hardware is already commanded to stop by then); immutable.
 *
 * @param cause the kind of stop
 * @param detail what exactly happened, for the console and the log
 */
public record SafeStop(Cause cause, String detail) {

    /** The kinds of stop. */
    public enum Cause {
        /** {@link HardwareHealth.Fault#STALE_SENSORS}. */
        STALE_SENSORS,
        /** {@link HardwareHealth.Fault#LINK_DOWN}. */
        LINK_DOWN,
        /** {@link HardwareHealth.Fault#ESTOP}. */
        ESTOP,
        /** {@link HardwareHealth.Fault#CONTROLLER_FAULT}. */
        CONTROLLER_FAULT,
        /** Too many control deadlines missed in a row. */
        DEADLINE_MISSES,
        /** The action guard counted its maximum of policy faults. */
        FAULT_LIMIT,
        /** A stop was requested from outside the loop (SIGINT, SIGTERM, the operator). */
        REQUESTED,
        /** The policy, the environment or the loop threw. */
        EXCEPTION;

        /** The name in logs: {@code link_down}. */
        public String logName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SafeStop {
        Objects.requireNonNull(cause, "cause is null");
        Objects.requireNonNull(detail, "detail is null");
    }

    /** The stop a hardware fault calls for. */
    public static SafeStop of(HardwareHealth health) {
        Cause cause = switch (health.fault()) {
            case NONE -> throw new IllegalArgumentException("a healthy report is no reason to stop");
            case STALE_SENSORS -> Cause.STALE_SENSORS;
            case LINK_DOWN -> Cause.LINK_DOWN;
            case ESTOP -> Cause.ESTOP;
            case CONTROLLER_FAULT -> Cause.CONTROLLER_FAULT;
        };
        String age = health.sensorAgeNanos() == Long.MAX_VALUE
                ? "no sensor reading yet"
                : String.format(Locale.ROOT, "newest sensor reading %.1f ms old", health.sensorAgeNanos() / 1e6);
        return new SafeStop(cause, (health.detail().isEmpty() ? cause.logName() : health.detail()) + " (" + age + ")");
    }

    /** One line for the console: {@code link_down: link to tcp://... is down (newest sensor reading 312.0 ms old)}. */
    public String summary() {
        return cause.logName() + ": " + detail;
    }
}
