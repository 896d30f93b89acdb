package dev.metapilot.sim.emulate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The faults the emulator injects into its link: each frame dropped with probability {@code drop}, or one of its bytes
 * corrupted with probability {@code corrupt}; every frame delayed by {@code delayMs}; the link cut (silence in both
 * directions, as a cut wire; the connection stays open and new ones are silent too) {@code disconnectAfter} after the
 * emulator started. Immutable.
 *
 * @param drop probability of dropping a frame, [0, 1]
 * @param corrupt probability of corrupting a frame that was not dropped, [0, 1]
 * @param delayMs delay of every frame, 0..10000 ms
 * @param disconnectAfter when to cut the link, or empty for never
 * @param direction which way the drops, corruption and delay apply
 * @param seed seeds the random choices (connection {@code k} uses {@code seed + k})
 */
public record LinkFaults(double drop, double corrupt, int delayMs, Optional<Duration> disconnectAfter,
        Direction direction, long seed) {

    /** Which frames the faults hit. */
    public enum Direction {
        /** Both ways. */
        BOTH,
        /** MCU to host (sensor states, heartbeats, faults, acknowledgements). */
        TO_HOST,
        /** Host to MCU (motor commands, heartbeats, e-stop requests). */
        TO_MCU;

        /** The option value: {@code both}, {@code to-host}, {@code to-mcu}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The direction of an option value. */
        public static Direction parse(String value) {
            for (Direction d : values()) {
                if (d.optionValue().equals(value)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("fault direction must be one of both, to-host, to-mcu, got '" + value
                    + "'");
        }

        boolean toHost() {
            return this != TO_MCU;
        }

        boolean toMcu() {
            return this != TO_HOST;
        }
    }

    /** No faults. */
    public static final LinkFaults NONE = new LinkFaults(0, 0, 0, Optional.empty(), Direction.BOTH, 0);

    public LinkFaults {
        probability("drop", drop);
        probability("corrupt", corrupt);
        if (delayMs < 0 || delayMs > 10_000) {
            throw new IllegalArgumentException("delay must be in 0..10000 ms, got " + delayMs);
        }
        Objects.requireNonNull(disconnectAfter, "disconnectAfter is null");
        Objects.requireNonNull(direction, "direction is null");
        disconnectAfter.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("disconnect-after must be >= 0, got " + d);
            }
        });
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " probability must be in [0, 1], got " + p);
        }
    }

    /** Whether any frame is touched (the cut aside). */
    public boolean touchesFrames() {
        return drop > 0 || corrupt > 0 || delayMs > 0;
    }

    /** These faults with another drop probability. */
    public LinkFaults withDrop(double p) {
        return new LinkFaults(p, corrupt, delayMs, disconnectAfter, direction, seed);
    }

    /** These faults with another corruption probability. */
    public LinkFaults withCorrupt(double p) {
        return new LinkFaults(drop, p, delayMs, disconnectAfter, direction, seed);
    }

    /** These faults with another delay. */
    public LinkFaults withDelayMs(int ms) {
        return new LinkFaults(drop, corrupt, ms, disconnectAfter, direction, seed);
    }

    /** These faults cutting the link {@code after} the start. */
    public LinkFaults withDisconnectAfter(Duration after) {
        return new LinkFaults(drop, corrupt, delayMs, Optional.of(after), direction, seed);
    }

    /** These faults in {@code d} only. */
    public LinkFaults withDirection(Direction d) {
        return new LinkFaults(drop, corrupt, delayMs, disconnectAfter, d, seed);
    }

    /** These faults with {@code s} as seed. */
    public LinkFaults withSeed(long s) {
        return new LinkFaults(drop, corrupt, delayMs, disconnectAfter, direction, s);
    }

    /** One line for the console: {@code drop 0.1, corrupt 0, delay 0 ms (both ways), cut after 10 s, seed 0}. */
    public String describe() {
        return String.format(Locale.ROOT, "drop %s, corrupt %s, delay %d ms (%s), %s, seed %d", drop, corrupt,
                delayMs, direction.optionValue(), disconnectAfter.map(d -> "link cut after " + d.toMillis() / 1000.0
                        + " s").orElse("no link cut"),
                seed);
    }
}
