package dev.metapilot.bridge.host;

import dev.metapilot.bridge.message.Hello;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link BridgeLink}: heartbeat, command time-to-live, stale and silence thresholds, handshake and ack
 * timeouts, reconnect back-off. Built with {@link #builder()}, which checks every value and their relations.
 *
 * @param heartbeatPeriod how often the host sends HEARTBEAT (the MCU answers each)
 * @param commandTtl time-to-live stamped on every MOTOR_COMMAND
 * @param staleAfter sensors are stale when no SENSOR_STATE arrived for this long; commands are then sent as zero
 * @param peerTimeout the link is down when no valid frame arrived for this long
 * @param handshakeTimeout how long to wait for the MCU's HELLO after connecting
 * @param backoffInitial first reconnect delay; doubles per failed attempt
 * @param backoffMax longest reconnect delay
 * @param ackTimeout how long to wait for the ACK of an e-stop request before sending it again
 * @param ackAttempts how many times an e-stop request is sent before it times out
 * @param sensorRateHz SENSOR_STATE rate asked of the MCU in HELLO (0: the MCU's default)
 * @param softwareVersion the host software version sent in HELLO (see {@link Hello#softwareVersion(int, int, int)})
 */
public record LinkSettings(Duration heartbeatPeriod, Duration commandTtl, Duration staleAfter, Duration peerTimeout,
        Duration handshakeTimeout, Duration backoffInitial, Duration backoffMax, Duration ackTimeout, int ackAttempts,
        int sensorRateHz, int softwareVersion) {

    public LinkSettings {
        positive("heartbeatPeriod", heartbeatPeriod);
        positive("commandTtl", commandTtl);
        positive("staleAfter", staleAfter);
        positive("peerTimeout", peerTimeout);
        positive("handshakeTimeout", handshakeTimeout);
        positive("backoffInitial", backoffInitial);
        positive("backoffMax", backoffMax);
        positive("ackTimeout", ackTimeout);
        if (commandTtl.toMillis() > 0xFFFF) {
            throw new IllegalArgumentException("commandTtl must be at most 65535 ms, got " + commandTtl.toMillis()
                    + " ms");
        }
        if (peerTimeout.compareTo(heartbeatPeriod.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("peerTimeout (" + peerTimeout.toMillis()
                    + " ms) must be at least two heartbeat periods (" + heartbeatPeriod.toMillis() + " ms)");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax (" + backoffMax.toMillis()
                    + " ms) must not be shorter than backoffInitial (" + backoffInitial.toMillis() + " ms)");
        }
        if (ackAttempts < 1) {
            throw new IllegalArgumentException("ackAttempts must be >= 1, got " + ackAttempts);
        }
        if (sensorRateHz < 0 || sensorRateHz > 1000) {
            throw new IllegalArgumentException("sensorRateHz must be in [0, 1000], got " + sensorRateHz);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name + " is null");
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + d);
        }
    }

    /** The defaults of {@code PROTOCOL.md}, "Timing". */
    public static LinkSettings defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LinkSettings}; {@link #build()} validates. Used on the configuring thread. */
    public static final class Builder {

        private Duration heartbeatPeriod = Duration.ofMillis(100);
        private Duration commandTtl = Duration.ofMillis(100);
        private Duration staleAfter = Duration.ofMillis(100);
        private Duration peerTimeout = Duration.ofMillis(500);
        private Duration handshakeTimeout = Duration.ofMillis(500);
        private Duration backoffInitial = Duration.ofMillis(50);
        private Duration backoffMax = Duration.ofSeconds(2);
        private Duration ackTimeout = Duration.ofMillis(100);
        private int ackAttempts = 3;
        private int sensorRateHz = 100;
        private int softwareVersion = Hello.softwareVersion(0, 1, 0);

        private Builder() {}

        public Builder heartbeatPeriod(Duration d) {
            heartbeatPeriod = d;
            return this;
        }

        public Builder commandTtl(Duration d) {
            commandTtl = d;
            return this;
        }

        public Builder staleAfter(Duration d) {
            staleAfter = d;
            return this;
        }

        public Builder peerTimeout(Duration d) {
            peerTimeout = d;
            return this;
        }

        public Builder handshakeTimeout(Duration d) {
            handshakeTimeout = d;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            backoffInitial = initial;
            backoffMax = max;
            return this;
        }

        public Builder ack(Duration timeout, int attempts) {
            ackTimeout = timeout;
            ackAttempts = attempts;
            return this;
        }

        public Builder sensorRateHz(int hz) {
            sensorRateHz = hz;
            return this;
        }

        public Builder softwareVersion(int version) {
            softwareVersion = version;
            return this;
        }

        /** The settings; throws {@link IllegalArgumentException} naming the first bad value. */
        public LinkSettings build() {
            return new LinkSettings(heartbeatPeriod, commandTtl, staleAfter, peerTimeout, handshakeTimeout,
                    backoffInitial, backoffMax, ackTimeout, ackAttempts, sensorRateHz, softwareVersion);
        }
    }
}
