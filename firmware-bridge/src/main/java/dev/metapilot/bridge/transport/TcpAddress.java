package dev.metapilot.bridge.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A TCP link ({@code tcp://HOST:PORT}), used for the emulator on loopback and for MCUs behind a network bridge.
 *
 * @param host a host name or an IP address (IPv6 without brackets)
 * @param port 1 to 65535
 */
public record TcpAddress(String host, int port) implements LinkAddress {

    /** How long a connection attempt may take. */
    public static final int CONNECT_TIMEOUT_MS = 1000;

    public TcpAddress {
        Objects.requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
        }
    }

    static TcpAddress parse(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("link '" + uri + "' is not a URI (" + e.getReason() + "); expected "
                    + LinkAddress.FORMS, e);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("link '" + uri + "' has no valid host; expected tcp://HOST:PORT");
        }
        if (parsed.getPort() < 0) {
            throw new IllegalArgumentException("link '" + uri + "' has no port; expected tcp://HOST:PORT");
        }
        String path = parsed.getRawPath();
        if (parsed.getRawUserInfo() != null || parsed.getRawQuery() != null || parsed.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalArgumentException("link '" + uri
                    + "' has parts a TCP link does not take (user, path, query or fragment); expected tcp://HOST:PORT");
        }
        String host = parsed.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TcpAddress(host, parsed.getPort());
    }

    @Override
    public Transport connect() throws IOException {
        return TcpTransport.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    }

    @Override
    public String uri() {
        return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
