package dev.metapilot.bridge.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A TCP connection as a {@link Transport}: a non-blocking socket channel with a selector, so that reads time out
 * without exceptions and steady-state reads and writes allocate nothing; Nagle's algorithm is off.
 *
 * <p>
 * One thread reads; writes are serialised by this class.
 */
public final class TcpTransport implements Transport {

    /** How long a write may wait for a peer that does not read before it fails. */
    public static final int WRITE_TIMEOUT_MS = 250;

    private static final Consumer<SelectionKey> IGNORE = key -> {};

    private final SocketChannel channel;
    private final Selector selector;
    private final String description;
    private byte[] readArray;
    private ByteBuffer readView;
    private byte[] writeArray;
    private ByteBuffer writeView;

    private TcpTransport(SocketChannel channel, String description) throws IOException {
        this.channel = channel;
        this.description = description;
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    /** Connects to {@code address}, waiting at most {@code timeoutMs}. */
    public static TcpTransport connect(InetSocketAddress address, int timeoutMs) throws IOException {
        Objects.requireNonNull(address, "address is null");
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(address, timeoutMs);
            return new TcpTransport(channel, "tcp://" + address.getHostString() + ":" + address.getPort());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Wraps a connection accepted by a server socket (the MCU side of a loopback link). */
    public static TcpTransport accepted(SocketChannel channel) throws IOException {
        Objects.requireNonNull(channel, "channel is null");
        try {
            return new TcpTransport(channel, "tcp peer " + channel.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMs) throws IOException {
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("timeoutMs must be >= 1, got " + timeoutMs);
        }
        if (buffer != readArray) {
            readArray = buffer;
            readView = ByteBuffer.wrap(buffer);
        }
        readView.limit(offset + length).position(offset);
        int n = readOnce();
        if (n != 0) {
            return n;
        }
        try {
            selector.select(IGNORE, timeoutMs);
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException();
        }
        return readOnce();
    }

    private int readOnce() throws IOException {
        int n = channel.read(readView);
        if (n < 0) {
            throw new EOFException(description + " closed by the peer");
        }
        return n;
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        if (buffer != writeArray) {
            writeArray = buffer;
            writeView = ByteBuffer.wrap(buffer);
        }
        writeView.limit(offset + length).position(offset);
        long deadline = 0;
        while (writeView.hasRemaining()) {
            if (channel.write(writeView) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MS);
                } else if (now - deadline > 0) {
                    throw new IOException(description + ": peer has not read for " + WRITE_TIMEOUT_MS + " ms");
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
