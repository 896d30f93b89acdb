package dev.metapilot.agent.realtime;

import dev.metapilot.env.ActuatedEnvironment;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The safe stop on SIGINT and SIGTERM: a JVM shutdown hook that asks the loop to stop, commands the hardware to stop at
 * once (from the hook's thread; {@link ActuatedEnvironment#safeStop()} is thread-safe), waits a grace period for the
 * command to finish its log, and stops the hardware again in case the loop wrote a last command in between. SIGKILL
 * runs no hook: then the motor controller's own watchdog (the MCU's TTL) stops the motors.
 *
 * <p>
 * Installed and closed by the command's main thread around the run; {@link #close()} removes the hook.
 */
public final class ShutdownStop implements AutoCloseable {

    /** The reason a signal gives the {@link StopRequest}. */
    public static final String SIGNAL_REASON = "shutdown signal (SIGINT or SIGTERM)";

    private final ActuatedEnvironment env;
    private final StopRequest stop;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownStop(ActuatedEnvironment env, StopRequest stop, Duration grace) {
        this.env = Objects.requireNonNull(env, "env is null");
        this.stop = Objects.requireNonNull(stop, "stop is null");
        this.grace = Objects.requireNonNull(grace, "grace is null");
        this.hook = new Thread(this::onSignal, "metapilot-safe-stop");
    }

    /** Installs the hook; close the result when the run and its log are done. */
    public static ShutdownStop install(ActuatedEnvironment env, StopRequest stop, Duration grace) {
        ShutdownStop s = new ShutdownStop(env, stop, grace);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** What the hook does; public for tests, which call it without shutting the JVM down. */
    public void onSignal() {
        stop.request(SIGNAL_REASON);
        env.safeStop();
        try {
            finished.await(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        env.safeStop();
    }

    /** The run and its log are done: lets a running hook return, and removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is shutting down: the hook runs (or ran) and returns now that the run is finished
        }
    }
}
