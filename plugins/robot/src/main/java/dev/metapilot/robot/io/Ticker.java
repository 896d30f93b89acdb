package dev.metapilot.robot.io;

import java.util.concurrent.TimeUnit;

/**
 * The monotonic clock the robot plugin reads and sleeps on: {@link #SYSTEM} on hardware, a fake in tests so that time
 * advances with the simulated robot. Thread-safe.
 */
public interface Ticker {

    /** {@link System#nanoTime()} and {@link Thread#sleep}. */
    Ticker SYSTEM = new Ticker() {

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    /** The current time, nanoseconds, monotonic; only differences mean anything. */
    long nanoTime();

    /** Waits about {@code nanos}. */
    void sleep(long nanos) throws InterruptedException;
}
