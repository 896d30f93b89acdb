package dev.metapilot.robot.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import java.util.Objects;

/**
 * One motor on an H-bridge channel: the command's magnitude as the PWM duty cycle (whole percent: Pi4J 3's PWM API
 * takes an integer duty cycle), its sign on the direction pin (and the complement on a second one, if wired). Zero
 * switches the PWM output off and leaves the direction as it was (a brake or a coast, as the driver does with its
 * enable low). When the direction flips, the output goes off before the direction pins change. Writes only what
 * changed, except {@link #stop()}.
 *
 * <p>
 * Owned by a {@link Pi4jDriveIO}, which calls it under its output lock from the control thread or the e-stop listener.
 */
final class HBridgeMotor {

    private final Pwm pwm;
    private final DigitalOutput direction;
    private final DigitalOutput directionB;
    private final boolean reversed;
    private int percent = -1;
    private boolean forward;
    private boolean directionKnown;
    private double applied;

    /**
     * @param directionB the complement pin, or null
     * @param reversed forward commands drive the direction pin low
     */
    HBridgeMotor(Pwm pwm, DigitalOutput direction, DigitalOutput directionB, boolean reversed) {
        this.pwm = Objects.requireNonNull(pwm, "pwm is null");
        this.direction = Objects.requireNonNull(direction, "direction is null");
        this.directionB = directionB;
        this.reversed = reversed;
    }

    /** Drives at {@code command} in [-1, 1] (clamped), quantised to whole percent of duty. */
    void set(float command) {
        double c = Math.max(-1.0, Math.min(1.0, command));
        int p = (int) Math.round(Math.abs(c) * 100);
        if (p == 0) {
            duty(0);
            applied = 0;
            return;
        }
        boolean high = (c > 0) != reversed;
        if (!directionKnown || high != forward) {
            if (percent != 0) {
                duty(0);
            }
            DigitalState s = high ? DigitalState.HIGH : DigitalState.LOW;
            direction.state(s);
            if (directionB != null) {
                directionB.state(high ? DigitalState.LOW : DigitalState.HIGH);
            }
            forward = high;
            directionKnown = true;
        }
        duty(p);
        applied = Math.copySign(p / 100.0, c);
    }

    /** 0 % duty, written whatever the cache says. */
    void stop() {
        percent = -1;
        applied = 0;
        duty(0);
    }

    /** The output driven now, [-1, 1] in steps of 0.01. */
    double applied() {
        return applied;
    }

    /** Writes {@code p} percent; 0 switches the PWM output off (Pi4J's {@code on(0)} means the same). */
    private void duty(int p) {
        if (p != percent) {
            if (p == 0) {
                pwm.off();
            } else {
                pwm.on(p);
            }
            percent = p;
        }
    }
}
