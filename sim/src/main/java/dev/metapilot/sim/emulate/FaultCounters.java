package dev.metapilot.sim.emulate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the emulator's {@link FaultInjector}s did to the frames of every connection, counted per direction. Updated on
 * the MCU loop thread and the delay threads, read from any thread.
 */
public final class FaultCounters {

    final AtomicLong framesToHost = new AtomicLong();
    final AtomicLong framesToMcu = new AtomicLong();
    final AtomicLong droppedToHost = new AtomicLong();
    final AtomicLong droppedToMcu = new AtomicLong();
    final AtomicLong corruptedToHost = new AtomicLong();
    final AtomicLong corruptedToMcu = new AtomicLong();
    final AtomicLong delayed = new AtomicLong();
    final AtomicLong silenced = new AtomicLong();

    /** A snapshot. */
    public Snapshot snapshot() {
        return new Snapshot(framesToHost.get(), framesToMcu.get(), droppedToHost.get(), droppedToMcu.get(),
                corruptedToHost.get(), corruptedToMcu.get(), delayed.get(), silenced.get());
    }

    /**
     * The counts at one moment.
     *
     * @param framesToHost frames the MCU sent (before any fault)
     * @param framesToMcu frames the host sent
     * @param droppedToHost frames to the host dropped
     * @param droppedToMcu frames to the MCU dropped
     * @param corruptedToHost frames to the host with a corrupted byte
     * @param corruptedToMcu frames to the MCU with a corrupted byte
     * @param delayed frames delayed
     * @param silenced writes and reads swallowed by a cut link
     */
    public record Snapshot(long framesToHost, long framesToMcu, long droppedToHost, long droppedToMcu,
            long corruptedToHost, long corruptedToMcu, long delayed, long silenced) {

        /** One line for the console. */
        public String describe() {
            return "frames to host " + framesToHost + " (dropped " + droppedToHost + ", corrupted " + corruptedToHost
                    + "), to MCU " + framesToMcu + " (dropped " + droppedToMcu + ", corrupted " + corruptedToMcu
                    + "), delayed " + delayed + ", swallowed by the cut " + silenced;
        }
    }
}
