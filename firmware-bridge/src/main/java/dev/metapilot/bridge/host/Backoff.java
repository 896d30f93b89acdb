package dev.metapilot.bridge.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconnect delays that double from an initial value up to a cap, reset after a successful handshake; deterministic
 * (one robot, one MCU: no herd to spread with jitter). Used by the link thread only.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial is null");
        this.max = Objects.requireNonNull(max, "max is null");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max (" + max + ") must not be shorter than initial (" + initial + ")");
        }
        this.next = initial;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the cap. */
    public Duration next() {
        Duration d = next;
        next = d.compareTo(max.dividedBy(2)) > 0 ? max : d.multipliedBy(2);
        return d;
    }

    /** Back to the initial delay. */
    public void reset() {
        next = initial;
    }
}
