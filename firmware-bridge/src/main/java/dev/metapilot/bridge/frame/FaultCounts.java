package dev.metapilot.bridge.frame;

/**
 * Rejected frames counted per {@link FrameFault}, for a reader that owns its counts (not thread-safe: the decoder and
 * the message reader count on their receive thread). Allocation-free after construction.
 */
public final class FaultCounts {

    private final long[] counts = new long[FrameFault.values().length];

    /** Counts one frame rejected for {@code fault}. */
    public void count(FrameFault fault) {
        counts[fault.ordinal()]++;
    }

    /** Frames rejected so far for {@code fault}. */
    public long get(FrameFault fault) {
        return counts[fault.ordinal()];
    }

    /** Frames rejected so far, all faults together. */
    public long total() {
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        return total;
    }
}
