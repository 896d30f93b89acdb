package dev.metapilot.bridge.transport;

import java.io.IOException;

/**
 * A full-duplex byte pipe to the other end of the link (a UART, a TCP connection): the link reads on one thread and
 * writes from others, one write at a time.
 */
public interface Transport extends AutoCloseable {

    /**
     * Reads what has arrived, waiting at most {@code timeoutMs} (at least 1) for the first byte.
     *
     * @return the bytes read, 0 when none arrived in time
     * @throws java.io.EOFException when the peer closed the connection
     * @throws IOException when the transport failed or was closed
     */
    int read(byte[] buffer, int offset, int length, int timeoutMs) throws IOException;

    /** Writes all {@code length} bytes, or throws when the transport failed or the peer stopped reading. */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** What this transport is connected to, for logs and events. */
    String description();

    /** Closes the transport; idempotent; a read blocked in another thread returns with an exception. */
    @Override
    void close();
}
