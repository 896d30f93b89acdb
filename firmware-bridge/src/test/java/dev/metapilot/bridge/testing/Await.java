package dev.metapilot.bridge.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition on the test thread until it holds or a deadline passes (for state that has no event). */
public final class Await {

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(1);
        }
    }
}
