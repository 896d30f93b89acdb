package dev.metapilot.bridge.host;

/**
 * Receives a {@link BridgeLink}'s events in order, on its event thread; must not block for long (events queue up behind
 * it, and past 1024 queued events new ones are dropped and counted).
 */
@FunctionalInterface
public interface LinkListener {

    /** Called once per event. */
    void onEvent(LinkEvent event);
}
