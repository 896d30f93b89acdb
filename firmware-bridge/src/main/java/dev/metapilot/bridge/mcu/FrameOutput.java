package dev.metapilot.bridge.mcu;

/**
 * Where an {@link McuEndpoint} puts the frames it sends (the UART, the TCP connection, a test's list); called on the
 * endpoint's thread. Failures are the output's business: the MCU carries on whether or not anyone listens.
 */
@FunctionalInterface
public interface FrameOutput {

    /** Sends one complete wire frame (delimiter included); the bytes are valid only during the call. */
    void send(byte[] frame, int offset, int length);
}
