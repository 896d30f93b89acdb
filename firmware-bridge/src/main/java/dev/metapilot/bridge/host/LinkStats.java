package dev.metapilot.bridge.host;

import dev.metapilot.bridge.frame.FrameFault;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a {@link BridgeLink}'s counters since it was built, taken by {@link BridgeLink#stats()} on any thread.
 *
 * @param framesSent frames written to the transport
 * @param framesReceived valid messages received
 * @param rejected rejected frames per fault (faults with none are absent)
 * @param framesLost gaps in the MCU's sequence numbers
 * @param connects successful handshakes
 * @param staleEpisodes times the sensors went stale
 * @param eventsDropped events dropped because the listener fell behind
 */
public record LinkStats(long framesSent, long framesReceived, Map<FrameFault, Long> rejected, long framesLost,
        long connects, long staleEpisodes, long eventsDropped) {

    public LinkStats {
        rejected = Map.copyOf(Objects.requireNonNull(rejected, "rejected is null"));
    }

    /** Rejected frames, all faults together. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected frames for {@code fault}. */
    public long rejected(FrameFault fault) {
        return rejected.getOrDefault(fault, 0L);
    }
}
