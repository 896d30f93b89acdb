package dev.metapilot.sim.emulate;

import dev.metapilot.bridge.transport.Transport;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The emulator's side of one connection with {@link LinkFaults} applied frame by frame: what the MCU writes (one
 * complete frame per write) and what it reads (split into frames at the 0x00 delimiters) is dropped, corrupted (one
 * byte replaced by another non-zero byte, so the frame still parses as COBS and fails its CRC or a header check) or
 * delayed, with a seeded random source; while the link is cut nothing passes either way (what the host sends is read
 * and discarded, as by a cut wire).
 *
 * <p>
 * Threads: the MCU loop reads and writes (as with any {@link Transport}); a delay thread ({@link DelayLine}) writes
 * delayed frames to the host.
 */
final class FaultInjector implements Transport {

    private final Transport inner;
    private final LinkFaults faults;
    private final FaultCounters counters;
    private final BooleanSupplier cut;
    private final SplittableRandom random;
    private final boolean toHost;
    private final boolean toMcu;
    private final byte[] scratch = new byte[1024];
    private final byte[] partial = new byte[256];
    private final ArrayDeque<DelayLine.Chunk> pending = new ArrayDeque<>();
    private final DelayLine delayLine;
    private int partialLength;

    FaultInjector(Transport inner, LinkFaults faults, FaultCounters counters, BooleanSupplier cut, long seed) {
        this.inner = Objects.requireNonNull(inner, "inner is null");
        this.faults = Objects.requireNonNull(faults, "faults is null");
        this.counters = Objects.requireNonNull(counters, "counters is null");
        this.cut = Objects.requireNonNull(cut, "cut is null");
        this.random = new SplittableRandom(seed);
        this.toHost = faults.touchesFrames() && faults.direction().toHost();
        this.toMcu = faults.touchesFrames() && faults.direction().toMcu();
        this.delayLine = toHost && faults.delayMs() > 0 ? DelayLine.start(inner, "emulator-delay-" + seed) : null;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMs) throws IOException {
        if (cut.getAsBoolean()) {
            int n = inner.read(scratch, 0, scratch.length, timeoutMs);
            if (n > 0) {
                counters.silenced.incrementAndGet();
            }
            partialLength = 0;
            pending.clear();
            return 0;
        }
        if (!toMcu) {
            int n = inner.read(buffer, offset, length, timeoutMs);
            if (n > 0 && cut.getAsBoolean()) {
                counters.silenced.incrementAndGet(); // cut while this read waited
                return 0;
            }
            return n;
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long now = System.nanoTime();
            int n = drainDue(buffer, offset, length, now);
            if (n > 0 || now - deadline >= 0) {
                return n;
            }
            long wait = deadline - now;
            if (!pending.isEmpty()) {
                wait = Math.min(wait, pending.peekFirst().due() - now);
            }
            int got = inner.read(scratch, 0, scratch.length, (int) Math.max(1, (wait + 999_999) / 1_000_000));
            if (cut.getAsBoolean()) {
                return 0; // cut while this read waited: what is pending is dropped by the next read
            }
            if (got > 0) {
                ingest(got, System.nanoTime());
            }
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (delayLine != null) {
            delayLine.check();
        }
        if (cut.getAsBoolean()) {
            counters.silenced.incrementAndGet();
            return;
        }
        counters.framesToHost.incrementAndGet();
        if (!toHost) {
            inner.write(buffer, offset, length);
            return;
        }
        double dropDraw = random.nextDouble();
        double corruptDraw = random.nextDouble();
        if (dropDraw < faults.drop()) {
            counters.droppedToHost.incrementAndGet();
            return;
        }
        byte[] frame = Arrays.copyOfRange(buffer, offset, offset + length);
        if (corruptDraw < faults.corrupt()) {
            corrupt(frame, length);
            counters.corruptedToHost.incrementAndGet();
        }
        if (delayLine != null) {
            counters.delayed.incrementAndGet();
            delayLine.add(new DelayLine.Chunk(frame, System.nanoTime() + faults.delayMs() * 1_000_000L));
        } else {
            inner.write(frame, 0, length);
        }
    }

    private void ingest(int n, long now) {
        for (int i = 0; i < n; i++) {
            if (partialLength == partial.length) {
                // no delimiter in sight: garbage, passed on for the MCU's decoder to reject
                pending.addLast(new DelayLine.Chunk(Arrays.copyOf(partial, partialLength), now));
                partialLength = 0;
            }
            byte b = scratch[i];
            partial[partialLength++] = b;
            if (b == 0) {
                frameToMcu(now);
                partialLength = 0;
            }
        }
    }

    private void frameToMcu(long now) {
        byte[] frame = Arrays.copyOf(partial, partialLength);
        if (partialLength == 1) {
            pending.addLast(new DelayLine.Chunk(frame, now)); // an idle delimiter
            return;
        }
        counters.framesToMcu.incrementAndGet();
        double dropDraw = random.nextDouble();
        double corruptDraw = random.nextDouble();
        if (dropDraw < faults.drop()) {
            counters.droppedToMcu.incrementAndGet();
            return;
        }
        if (corruptDraw < faults.corrupt()) {
            corrupt(frame, frame.length);
            counters.corruptedToMcu.incrementAndGet();
        }
        if (faults.delayMs() > 0) {
            counters.delayed.incrementAndGet();
        }
        pending.addLast(new DelayLine.Chunk(frame, now + faults.delayMs() * 1_000_000L));
    }

    private int drainDue(byte[] buffer, int offset, int length, long now) {
        int n = 0;
        while (n < length && !pending.isEmpty() && pending.peekFirst().due() - now <= 0) {
            DelayLine.Chunk c = pending.peekFirst();
            int take = Math.min(length - n, c.data().length - c.position());
            System.arraycopy(c.data(), c.position(), buffer, offset + n, take);
            n += take;
            if (c.position() + take == c.data().length) {
                pending.removeFirst();
            } else {
                pending.removeFirst();
                pending.addFirst(c.advanced(take));
            }
        }
        return n;
    }

    /** Replaces one byte before the delimiter by another non-zero byte. */
    private void corrupt(byte[] frame, int length) {
        int at = random.nextInt(Math.max(1, length - 1));
        frame[at] = (byte) (1 + ((frame[at] & 0xFF) + random.nextInt(254)) % 255);
    }

    @Override
    public String description() {
        return "faulty " + inner.description();
    }

    @Override
    public void close() {
        if (delayLine != null) {
            delayLine.close();
        }
        inner.close();
    }
}
