package dev.metapilot.bridge.frame;

/**
 * The message types of protocol version 1: wire id, exact payload size and who may send each (see {@code PROTOCOL.md},
 * "Messages"). Used by the frame decoder to reject unknown types and wrong lengths.
 */
public enum MessageType {
    /** Version handshake; its layout is frozen for every protocol version. */
    HELLO(0x01, 12, true, true),
    /** Liveness, both ways; the MCU answers each host heartbeat with one of its own. */
    HEARTBEAT(0x02, 4, true, true),
    /** Acknowledges one frame by its sequence number. */
    ACK(0x03, 4, true, true),
    /** Left and right motor outputs with a time-to-live. */
    MOTOR_COMMAND(0x10, 6, true, false),
    /** Engage or release the emergency stop (host request, or MCU notification of a change). */
    ESTOP(0x11, 2, true, true),
    /** Encoders, IMU, applied outputs and status, streamed by the MCU. */
    SENSOR_STATE(0x20, 29, false, true),
    /** A fault report from the MCU. */
    FAULT(0x21, 6, false, true);

    private static final MessageType[] BY_ID = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;
    private final int payloadSize;
    private final boolean sentByHost;
    private final boolean sentByMcu;

    MessageType(int id, int payloadSize, boolean sentByHost, boolean sentByMcu) {
        this.id = id;
        this.payloadSize = payloadSize;
        this.sentByHost = sentByHost;
        this.sentByMcu = sentByMcu;
    }

    /** The type byte on the wire. */
    public int id() {
        return id;
    }

    /** The exact payload length a frame of this type must have. */
    public int payloadSize() {
        return payloadSize;
    }

    /** Whether the host may send this type. */
    public boolean sentByHost() {
        return sentByHost;
    }

    /** Whether the MCU may send this type. */
    public boolean sentByMcu() {
        return sentByMcu;
    }

    /** The type with wire id {@code id}, or {@code null} when version 1 has none. */
    public static MessageType byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
