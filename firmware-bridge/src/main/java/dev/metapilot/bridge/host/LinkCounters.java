package dev.metapilot.bridge.host;

import dev.metapilot.bridge.frame.FrameFault;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** A link's counters: written by the link thread, read into a {@link LinkStats} by any thread. */
final class LinkCounters {

    final AtomicLong received = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong staleEpisodes = new AtomicLong();
    private final AtomicLongArray rejected = new AtomicLongArray(FrameFault.values().length);

    /** Counts a rejected frame; returns the total for its fault. */
    long rejected(FrameFault fault) {
        return rejected.incrementAndGet(fault.ordinal());
    }

    LinkStats snapshot(long sent, long eventsDropped) {
        Map<FrameFault, Long> byFault = new EnumMap<>(FrameFault.class);
        for (FrameFault f : FrameFault.values()) {
            long n = rejected.get(f.ordinal());
            if (n > 0) {
                byFault.put(f, n);
            }
        }
        return new LinkStats(sent, received.get(), byFault, lost.get(), connects.get(), staleEpisodes.get(),
                eventsDropped);
    }
}
