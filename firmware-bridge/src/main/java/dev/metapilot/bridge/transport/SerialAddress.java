package dev.metapilot.bridge.transport;

import java.io.IOException;
import java.util.Objects;

/**
 * A UART link ({@code serial:DEVICE[?baud=N]}), 8 data bits, no parity, one stop bit, no flow control.
 *
 * @param device the port, e.g. {@code /dev/ttyAMA0}, {@code /dev/ttyUSB0} or {@code COM3}
 * @param baud bits per second, {@value #MIN_BAUD} to {@value #MAX_BAUD}
 */
public record SerialAddress(String device, int baud) implements LinkAddress {

    /** The baud rate when the URI gives none. */
    public static final int DEFAULT_BAUD = 115_200;
    /** The lowest baud rate accepted. */
    public static final int MIN_BAUD = 1_200;
    /** The highest baud rate accepted. */
    public static final int MAX_BAUD = 4_000_000;

    public SerialAddress {
        Objects.requireNonNull(device, "device is null");
        if (device.isBlank() || device.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?')) {
            throw new IllegalArgumentException("serial device must be a non-blank name without spaces or '?', got '"
                    + device + "'");
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("baud must be in [" + MIN_BAUD + ", " + MAX_BAUD + "], got " + baud);
        }
    }

    static SerialAddress parse(String uri) {
        String rest = uri.substring("serial:".length());
        int q = rest.indexOf('?');
        String device = q < 0 ? rest : rest.substring(0, q);
        if (device.isEmpty()) {
            throw new IllegalArgumentException("link '" + uri + "' names no device; expected serial:DEVICE[?baud=N]");
        }
        Integer baud = null;
        if (q >= 0) {
            for (String param : rest.substring(q + 1).split("&", -1)) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                if (!key.equals("baud")) {
                    throw new IllegalArgumentException("link '" + uri + "' has unknown parameter '" + key
                            + "'; a serial link takes only baud=N");
                }
                if (baud != null) {
                    throw new IllegalArgumentException("link '" + uri + "' gives baud twice");
                }
                baud = parseBaud(uri, eq < 0 ? "" : param.substring(eq + 1));
            }
        }
        try {
            return new SerialAddress(device, baud == null ? DEFAULT_BAUD : baud);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("link '" + uri + "': " + e.getMessage(), e);
        }
    }

    private static int parseBaud(String uri, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("link '" + uri + "' has baud '" + value + "', not a whole number", e);
        }
    }

    @Override
    public Transport connect() throws IOException {
        return SerialTransport.open(this);
    }

    @Override
    public String uri() {
        return "serial:" + device + "?baud=" + baud;
    }
}
