package dev.metapilot.locomotion.physics;

import java.util.Arrays;

/**
 * The path from one motor command to that motor's drive: actuation latency (a queue of whole control ticks), dead-band,
 * gain, saturation at full drive, and a first-order lag.
 *
 * <p>
 * Owned by a {@link DifferentialDrive}: {@link #command} once per control tick, {@link #substep} once per physics step;
 * one thread, no allocation after {@link #configure}.
 */
final class MotorChannel {

    private double gain = 1;
    private double deadband;
    private double lagFactor = 1;
    private double meanFactor;
    private double[] queue = new double[0];
    private int head;
    private double target;
    private double drive;

    /**
     * @param latencyTicks control ticks between a command and the motor receiving it
     * @param lagSeconds first-order time constant
     * @param dt physics step, s
     */
    void configure(double gain, double deadband, int latencyTicks, double lagSeconds, double dt) {
        this.gain = gain;
        this.deadband = deadband;
        this.lagFactor = -Math.expm1(-dt / lagSeconds);
        this.meanFactor = lagFactor * lagSeconds / dt;
        this.queue = new double[latencyTicks];
        reset();
    }

    /** Motors off, nothing queued. */
    void reset() {
        Arrays.fill(queue, 0);
        head = 0;
        target = 0;
        drive = 0;
    }

    /** Takes this tick's command; the command of {@code latencyTicks} ticks ago becomes the motor's target drive. */
    void command(double command) {
        double applied = command;
        if (queue.length > 0) {
            applied = queue[head];
            queue[head] = command;
            head = head + 1 == queue.length ? 0 : head + 1;
        }
        target = shape(applied);
    }

    /**
     * Advances the lag by one physics step and returns the mean drive over that step (exact for the first-order lag), a
     * signed fraction of full voltage.
     */
    double substep() {
        double start = drive;
        drive += lagFactor * (target - drive);
        return target + (start - target) * meanFactor;
    }

    /** The drive the lag is heading for. */
    double target() {
        return target;
    }

    double drive() {
        return drive;
    }

    /**
     * Dead-band (commands within it give nothing; the rest is rescaled so that full command is full drive before the
     * gain), then gain, then saturation at full drive.
     */
    double shape(double command) {
        double magnitude = Math.abs(command);
        if (magnitude <= deadband) {
            return 0;
        }
        double drive = Math.signum(command) * gain * (magnitude - deadband) / (1 - deadband);
        return Math.max(-1, Math.min(1, drive));
    }
}
