package dev.metapilot.bridge.frame;

/**
 * Why a received frame was rejected; each is counted by the receiver and the stream resynchronises at the next 0x00
 * delimiter.
 */
public enum FrameFault {
    /** More than {@link FrameFormat#MAX_ENCODED} bytes arrived without a delimiter; skipped up to the next one. */
    OVERSIZED,
    /** The bytes between two delimiters are not valid COBS. */
    BAD_COBS,
    /** The decoded frame is shorter than a header plus a CRC. */
    TOO_SHORT,
    /** The CRC-32C does not match. */
    BAD_CRC,
    /** The length byte disagrees with the frame, or with the payload size of the type. */
    BAD_LENGTH,
    /** A protocol version other than the receiver's, on a type other than HELLO. */
    UNSUPPORTED_VERSION,
    /** A type byte protocol version 1 does not define. */
    UNKNOWN_TYPE,
    /** A field out of its range (an enum value, a motor output of -32768, a time-to-live of 0). */
    BAD_PAYLOAD,
    /** A valid message that this side never receives (a sensor frame sent to the MCU, say). */
    WRONG_DIRECTION
}
