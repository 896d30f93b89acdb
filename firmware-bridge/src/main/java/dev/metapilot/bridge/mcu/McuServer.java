package dev.metapilot.bridge.mcu;

import dev.metapilot.bridge.transport.TcpAddress;
import dev.metapilot.bridge.transport.TcpTransport;
import dev.metapilot.bridge.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the MCU over TCP: listens on an address, runs one {@link McuEndpoint} on a loop thread ({@code mcu-loop-PORT})
 * that ticks it in real time whether or not a host is connected, and serves one host connection at a time (a new
 * connection replaces the old, as a UART has one peer). A decorator may wrap each accepted connection to inject faults
 * (drop, corrupt, delay). Used by the emulator and by the tests; started and closed by its owner's thread.
 */
public final class McuServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McuServer.class);

    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final UnaryOperator<Transport> decorator;
    private final McuEndpoint endpoint;
    private final AtomicReference<Transport> incoming = new AtomicReference<>();
    private final AtomicLong connections = new AtomicLong();
    private final Thread acceptor;
    private final Thread loop;
    private volatile boolean closing;
    private volatile boolean dropRequested;
    private volatile boolean restartRequested;
    private volatile boolean connected;
    private Transport current;
    private boolean broken;

    private McuServer(ServerSocketChannel server, McuSettings settings, McuHardware hardware,
            UnaryOperator<Transport> decorator) throws IOException {
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.decorator = decorator;
        this.endpoint = new McuEndpoint(settings, hardware, this::write, System.nanoTime());
        this.acceptor = new Thread(this::accept, "mcu-accept-" + address.getPort());
        this.loop = new Thread(this::run, "mcu-loop-" + address.getPort());
        acceptor.setDaemon(true);
        loop.setDaemon(true);
    }

    /** Listens on {@code bind} (port 0 for an ephemeral one) and starts the MCU. */
    public static McuServer start(InetSocketAddress bind, McuSettings settings, McuHardware hardware)
            throws IOException {
        return start(bind, settings, hardware, UnaryOperator.identity());
    }

    /**
     * As {@link #start(InetSocketAddress, McuSettings, McuHardware)}, wrapping each connection in {@code decorator}.
     */
    public static McuServer start(InetSocketAddress bind, McuSettings settings, McuHardware hardware,
            UnaryOperator<Transport> decorator) throws IOException {
        Objects.requireNonNull(bind, "bind is null");
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(hardware, "hardware is null");
        Objects.requireNonNull(decorator, "decorator is null");
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(bind);
            McuServer s = new McuServer(server, settings, hardware, decorator);
            s.acceptor.start();
            s.loop.start();
            return s;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The address it listens on (with the real port when bound to port 0). */
    public InetSocketAddress address() {
        return address;
    }

    /** The link address a host connects to. */
    public TcpAddress linkAddress() {
        return new TcpAddress(address.getHostString(), address.getPort());
    }

    /** The MCU; only its getters may be used from other threads. */
    public McuEndpoint endpoint() {
        return endpoint;
    }

    /** Whether a host is connected now. */
    public boolean connected() {
        return connected;
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections.get();
    }

    /** Closes the current host connection (fault injection); the MCU runs on and the host may reconnect. */
    public void dropConnection() {
        dropRequested = true;
        LockSupport.unpark(loop);
    }

    /** Resets the MCU as a power cycle would (fault injection); it announces itself to a connected host. */
    public void restartMcu() {
        restartRequested = true;
        LockSupport.unpark(loop);
    }

    /** Stops listening, closes the connection and stops the MCU loop. */
    @Override
    public void close() {
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing {}", address, e);
        }
        LockSupport.unpark(loop);
        try {
            acceptor.join(2000);
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Transport t = incoming.getAndSet(null);
        if (t != null) {
            t.close();
        }
    }

    private void accept() {
        while (!closing) {
            try {
                SocketChannel channel = server.accept();
                Transport t = decorator.apply(TcpTransport.accepted(channel));
                connections.incrementAndGet();
                Transport old = incoming.getAndSet(t);
                if (old != null) {
                    old.close();
                }
                LockSupport.unpark(loop);
            } catch (IOException e) {
                if (!closing) {
                    LOG.warn("MCU emulator on {} cannot accept: {}", address, e.toString());
                }
                return;
            }
        }
    }

    private void run() {
        byte[] buffer = new byte[1024];
        while (!closing) {
            try {
                step(buffer);
            } catch (RuntimeException e) {
                LOG.error("MCU emulator on {}: the MCU loop failed, carrying on", address, e);
                LockSupport.parkNanos(1_000_000L);
            }
        }
        disconnect();
    }

    private void step(byte[] buffer) {
        takeRequests();
        endpoint.tick(System.nanoTime());
        if (broken) {
            disconnect();
        }
        int waitMs = (int) Math.max(1, (endpoint.nanosUntilDue(System.nanoTime()) + 999_999) / 1_000_000);
        if (current == null) {
            LockSupport.parkNanos(waitMs * 1_000_000L);
            return;
        }
        try {
            int n = current.read(buffer, 0, buffer.length, waitMs);
            if (n > 0) {
                endpoint.receive(buffer, 0, n, System.nanoTime());
            }
        } catch (IOException e) {
            LOG.debug("MCU emulator connection {} ended: {}", current.description(), e.toString());
            disconnect();
        }
    }

    private void takeRequests() {
        Transport t = incoming.getAndSet(null);
        if (t != null) {
            disconnect();
            current = t;
            broken = false;
            connected = true;
        }
        if (dropRequested) {
            dropRequested = false;
            disconnect();
        }
        if (restartRequested) {
            restartRequested = false;
            endpoint.restart(System.nanoTime());
        }
    }

    private void disconnect() {
        if (current != null) {
            current.close();
            current = null;
            connected = false;
            endpoint.connectionLost();
        }
    }

    private void write(byte[] frame, int offset, int length) {
        if (current == null || broken) {
            return;
        }
        try {
            current.write(frame, offset, length);
        } catch (IOException e) {
            broken = true;
        }
    }
}
