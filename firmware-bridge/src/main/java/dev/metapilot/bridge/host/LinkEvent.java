package dev.metapilot.bridge.host;

import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.Hello;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that happens to a {@link BridgeLink} that its user may need to act on, delivered in order to the
 * {@link LinkListener} on the link's event thread ({@code bridge-events-...}).
 */
public sealed interface LinkEvent {

    /** The handshake succeeded; {@code mcu} is the MCU's HELLO. */
    record LinkUp(String peer, Hello mcu) implements LinkEvent {

        public LinkUp {
            Objects.requireNonNull(peer, "peer is null");
            Objects.requireNonNull(mcu, "mcu is null");
        }
    }

    /** An up link went down; a reconnect follows unless {@code reason} is {@link Reason#CLOSED}. */
    record LinkDown(String peer, Reason reason, String detail) implements LinkEvent {

        /** Why the link went down. */
        public enum Reason {
            /** The peer closed the connection. */
            PEER_CLOSED,
            /** Reading or writing failed. */
            IO_ERROR,
            /** No valid frame arrived within {@link LinkSettings#peerTimeout()}. */
            PEER_SILENT,
            /** The owner closed the link. */
            CLOSED
        }

        public LinkDown {
            Objects.requireNonNull(peer, "peer is null");
            Objects.requireNonNull(reason, "reason is null");
            Objects.requireNonNull(detail, "detail is null");
        }
    }

    /** A connection attempt or session failed; the next attempt follows after {@code delay}. */
    record Reconnecting(int attempt, Duration delay, String cause) implements LinkEvent {

        public Reconnecting {
            Objects.requireNonNull(delay, "delay is null");
            Objects.requireNonNull(cause, "cause is null");
        }
    }

    /** The MCU speaks another protocol version; the link stops trying (state {@link LinkState#FAILED}). */
    record VersionMismatch(int hostVersion, int mcuVersion, Hello mcu) implements LinkEvent {

        public VersionMismatch {
            Objects.requireNonNull(mcu, "mcu is null");
        }
    }

    /** Something expected did not arrive in time. */
    record Timeout(What what, String detail) implements LinkEvent {

        /** What timed out. */
        public enum What {
            /** The MCU's HELLO after connecting. */
            HANDSHAKE,
            /** The ACK of an e-stop request, after every attempt. */
            ACK
        }

        public Timeout {
            Objects.requireNonNull(what, "what is null");
            Objects.requireNonNull(detail, "detail is null");
        }
    }

    /** No SENSOR_STATE for {@code age}; commands are sent as zero until sensors resume. */
    record StaleSensors(Duration age) implements LinkEvent {

        public StaleSensors {
            Objects.requireNonNull(age, "age is null");
        }
    }

    /** Sensor frames arrive again after {@code gap}. */
    record SensorsResumed(Duration gap) implements LinkEvent {

        public SensorsResumed {
            Objects.requireNonNull(gap, "gap is null");
        }
    }

    /** A received frame was rejected ({@link FrameFault#BAD_CRC} and the rest); {@code total} for this fault. */
    record FrameRejected(FrameFault fault, long total) implements LinkEvent {

        public FrameRejected {
            Objects.requireNonNull(fault, "fault is null");
        }
    }

    /** Gaps in the MCU's sequence numbers: {@code count} frames lost, {@code total} since the link was built. */
    record FramesLost(long count, long total) implements LinkEvent {}

    /** The MCU reported a fault. */
    record McuFault(Fault fault) implements LinkEvent {

        public McuFault {
            Objects.requireNonNull(fault, "fault is null");
        }
    }

    /** The MCU announced itself again (it restarted); the host repeats its HELLO. */
    record McuRestarted(Hello mcu) implements LinkEvent {

        public McuRestarted {
            Objects.requireNonNull(mcu, "mcu is null");
        }
    }

    /** The MCU's e-stop latch is engaged; motors are held at zero. */
    record EStopEngaged(EStop.Source source) implements LinkEvent {

        public EStopEngaged {
            Objects.requireNonNull(source, "source is null");
        }
    }

    /** The MCU's e-stop latch was released; motors stay at zero until the next command. */
    record EStopReleased(EStop.Source source) implements LinkEvent {

        public EStopReleased {
            Objects.requireNonNull(source, "source is null");
        }
    }

    /** The MCU refused a request (an e-stop release while its button is pressed). */
    record Refused(MessageType request, int seq) implements LinkEvent {

        public Refused {
            Objects.requireNonNull(request, "request is null");
        }
    }
}
