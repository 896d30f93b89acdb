package dev.metapilot.bridge.frame;

/**
 * The sizes and offsets of a version-1 frame (see {@code PROTOCOL.md}, "Frame"): header, payload, CRC-32C, COBS and the
 * 0x00 delimiter. Constants only.
 */
public final class FrameFormat {

    /** The protocol version this library speaks. */
    public static final int VERSION = 1;
    /** Offset of the version byte in the decoded frame. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the message type byte. */
    public static final int TYPE_OFFSET = 1;
    /** Offset of the little-endian 16-bit sequence number. */
    public static final int SEQ_OFFSET = 2;
    /** Offset of the payload length byte. */
    public static final int LENGTH_OFFSET = 4;
    /** Header bytes before the payload: version, type, sequence number (2), payload length. */
    public static final int HEADER_SIZE = 5;
    /** Bytes of the CRC-32C after the payload. */
    public static final int CRC_SIZE = 4;
    /** The largest payload any message may have. */
    public static final int MAX_PAYLOAD = 64;
    /** The largest decoded frame: header, payload and CRC. */
    public static final int MAX_FRAME = HEADER_SIZE + MAX_PAYLOAD + CRC_SIZE;
    /** The largest COBS-encoded frame, without its delimiter. */
    public static final int MAX_ENCODED = MAX_FRAME + MAX_FRAME / 254 + 1;
    /** The largest frame on the wire: encoded frame plus the 0x00 delimiter. */
    public static final int MAX_WIRE = MAX_ENCODED + 1;
    /** The frame delimiter. */
    public static final byte DELIMITER = 0;

    private FrameFormat() {}
}
