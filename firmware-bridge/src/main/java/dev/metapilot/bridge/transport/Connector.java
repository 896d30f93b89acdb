package dev.metapilot.bridge.transport;

import java.io.IOException;

/**
 * Opens a fresh {@link Transport} each time the host link connects or reconnects; called on the link thread.
 */
@FunctionalInterface
public interface Connector {

    /** Opens a new transport; throws when the peer cannot be reached now (the link retries with back-off). */
    Transport connect() throws IOException;
}
