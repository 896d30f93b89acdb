package dev.metapilot.bridge.testing;

import dev.metapilot.bridge.transport.Transport;
import java.io.IOException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A {@link Transport} decorator that, on command from the test thread, silently drops what is written, or corrupts
 * written frames with a given probability (one byte of the frame replaced by another non-zero value, seeded).
 */
public final class FaultyTransport implements Transport {

    private final Transport inner;
    private final SplittableRandom random;
    private volatile boolean dropWrites;
    private volatile double corruptProbability;

    public FaultyTransport(Transport inner, long seed) {
        this.inner = Objects.requireNonNull(inner, "inner is null");
        this.random = new SplittableRandom(seed);
    }

    /** Drops every write from now on ({@code true}) or passes them again. */
    public void dropWrites(boolean drop) {
        dropWrites = drop;
    }

    /** Corrupts each written frame with probability {@code p}. */
    public void corruptWrites(double p) {
        corruptProbability = p;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMs) throws IOException {
        return inner.read(buffer, offset, length, timeoutMs);
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
        if (dropWrites) {
            return;
        }
        if (length > 1 && random.nextDouble() < corruptProbability) {
            byte[] copy = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
            int at = random.nextInt(length - 1);
            copy[at] = (byte) (1 + ((copy[at] & 0xFF) + random.nextInt(254)) % 255);
            inner.write(copy, 0, length);
            return;
        }
        inner.write(buffer, offset, length);
    }

    @Override
    public String description() {
        return "faulty " + inner.description();
    }

    @Override
    public void close() {
        inner.close();
    }
}
