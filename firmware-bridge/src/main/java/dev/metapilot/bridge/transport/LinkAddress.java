package dev.metapilot.bridge.transport;

/**
 * Where the MCU is, parsed from a link URI: {@code tcp://HOST:PORT} or {@code serial:DEVICE[?baud=N]}; also the
 * {@link Connector} that opens it. Parsed once at configuration time, on the caller's thread.
 */
public sealed interface LinkAddress extends Connector permits TcpAddress, SerialAddress {

    /** The accepted forms, for error messages. */
    String FORMS = "tcp://HOST:PORT or serial:DEVICE[?baud=N] (e.g. tcp://127.0.0.1:7300, serial:/dev/ttyAMA0?baud=115200)";

    /**
     * Parses a link URI.
     *
     * @throws IllegalArgumentException naming the problem and the accepted forms
     */
    static LinkAddress parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("link is empty; expected " + FORMS);
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon);
        return switch (scheme) {
            case "tcp" -> TcpAddress.parse(uri);
            case "serial" -> SerialAddress.parse(uri);
            default -> throw new IllegalArgumentException("link '" + uri + "' has " + (colon < 0
                    ? "no scheme"
                    : "unknown scheme '" + scheme + "'") + "; expected " + FORMS);
        };
    }

    /** The URI form, which {@link #parse} reads back to an equal address. */
    String uri();
}
