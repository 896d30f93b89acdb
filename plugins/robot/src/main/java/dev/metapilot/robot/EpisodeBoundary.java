package dev.metapilot.robot;

import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.robot.io.DriveIO;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.HardwareFaultException;
import dev.metapilot.robot.io.Ticker;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * What separates two episodes on a real floor, where nothing teleports the robot back: wait until the hardware reports
 * healthy (within the connect timeout), then keep commanding zero until the robot is at rest (within the settle
 * timeout, else a {@code CONTROLLER_FAULT}: a robot that keeps moving with its motors at zero is not under control).
 *
 * <p>
 * Called by the environment's control thread in {@code reset}; polls every control period (at most every 20 ms) and
 * allocates nothing unless it fails.
 */
final class EpisodeBoundary {

    private static final long MAX_POLL_NANOS = 20_000_000L;

    private final RobotConfig config;
    private final Ticker ticker;
    private final StillnessDetector stillness;
    private final long pollNanos;
    private final long settleTimeoutNanos;
    private final long connectTimeoutNanos;

    EpisodeBoundary(RobotConfig config, Ticker ticker) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.ticker = Objects.requireNonNull(ticker, "ticker is null");
        this.stillness = new StillnessDetector(config.settleSpeed(), config.settleSeconds());
        this.pollNanos = Math.min(MAX_POLL_NANOS, Math.round(config.controlPeriod() * 1e9));
        this.settleTimeoutNanos = Math.round(config.settleTimeout() * 1e9);
        this.connectTimeoutNanos = Math.round(config.connectTimeout() * 1e9);
    }

    /**
     * Waits until {@code io} reports healthy.
     *
     * @throws HardwareFaultException with the last report when it is not healthy within the connect timeout
     */
    void awaitHealthy(DriveIO io) {
        long start = ticker.nanoTime();
        while (true) {
            HardwareHealth h = io.health();
            if (h.healthy()) {
                return;
            }
            if (ticker.nanoTime() - start >= connectTimeoutNanos) {
                throw new HardwareFaultException(new HardwareHealth(h.fault(), h.sensorAgeNanos(), h.detail()
                        + " (not healthy within connect-timeout " + config.connectTimeout() + " s)"));
            }
            pause();
        }
    }

    /**
     * Commands zero and reads the inputs until the robot is at rest; {@code inputs} then hold the last reading.
     *
     * @throws HardwareFaultException when the hardware reports a fault, or the robot is not at rest within the settle
     *     timeout
     */
    void awaitRest(DriveIO io, DriveInputs inputs) {
        stillness.restart();
        long start = ticker.nanoTime();
        while (true) {
            io.stop();
            HardwareHealth h = io.health();
            if (!h.healthy()) {
                throw new HardwareFaultException(h);
            }
            io.updateInputs(inputs);
            long now = ticker.nanoTime();
            if (stillness.update(inputs.leftPosition, inputs.rightPosition, now)) {
                return;
            }
            if (now - start >= settleTimeoutNanos) {
                throw new HardwareFaultException(new HardwareHealth(Fault.CONTROLLER_FAULT, h.sensorAgeNanos(),
                        String.format(Locale.ROOT, "the robot is not at rest %.1f s after its motors were set to "
                                + "zero (wheels at %.3f and %.3f m/s; at rest means under %.3f m/s for %.2f s)",
                                config.settleTimeout(), inputs.leftSpeed, inputs.rightSpeed, config.settleSpeed(),
                                config.settleSeconds())));
            }
            pause();
        }
    }

    private void pause() {
        try {
            ticker.sleep(pollNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the robot between episodes");
        }
    }
}
