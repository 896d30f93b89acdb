package dev.metapilot.bridge.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.Objects;

/**
 * A UART as a {@link Transport}, through jSerialComm: 8N1, no flow control, semi-blocking reads with a timeout. Kept
 * thin because it cannot be exercised without hardware; everything above it is tested over TCP.
 *
 * <p>
 * One thread reads; writes are serialised by this class.
 */
public final class SerialTransport implements Transport {

    /** How long a write may block before it fails. */
    public static final int WRITE_TIMEOUT_MS = 250;

    private final SerialPort port;
    private final String description;
    private int readTimeoutMs = -1;

    private SerialTransport(SerialPort port, String description) {
        this.port = port;
        this.description = description;
    }

    /** Opens and configures the port of {@code address}. */
    public static SerialTransport open(SerialAddress address) throws IOException {
        Objects.requireNonNull(address, "address is null");
        SerialPort port;
        try {
            port = SerialPort.getCommPort(address.device());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port '" + address.device() + "': " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new IOException("cannot open serial port '" + address.device()
                    + "': jSerialComm cannot load its native library on this platform: " + e, e);
        }
        port.setComPortParameters(address.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port '" + address.device() + "' at " + address.baud()
                    + " baud (error " + port.getLastErrorCode() + "): check that it exists and that this user may"
                    + " use it (group dialout)");
        }
        return new SerialTransport(port, address.uri());
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMs) throws IOException {
        if (timeoutMs < 1) {
            throw new IllegalArgumentException("timeoutMs must be >= 1, got " + timeoutMs);
        }
        if (timeoutMs != readTimeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    timeoutMs, WRITE_TIMEOUT_MS);
            readTimeoutMs = timeoutMs;
        }
        int n = port.readBytes(buffer, length, offset);
        if (n < 0) {
            throw new IOException(description + ": read failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = port.writeBytes(buffer, length - done, offset + done);
            if (n <= 0) {
                throw new IOException(description + ": write failed (error " + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        port.closePort();
    }

    @Override
    public String toString() {
        return description;
    }
}
