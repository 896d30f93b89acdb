package dev.metapilot.agent.realtime;

/**
 * A request to stop the real-time loop, set from any thread (a shutdown hook on SIGINT/SIGTERM, an operator, a test)
 * and polled by the loop thread once per tick; the first reason given is kept.
 */
public final class StopRequest {

    private volatile String reason;

    /** Asks the loop to stop; later requests keep the first reason. */
    public synchronized void request(String why) {
        if (reason == null) {
            reason = why == null || why.isBlank() ? "stop requested" : why;
        }
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return reason != null;
    }

    /** The first reason given, or null. */
    public String reason() {
        return reason;
    }
}
