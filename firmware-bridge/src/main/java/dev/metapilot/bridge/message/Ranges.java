package dev.metapilot.bridge.message;

/** Argument checks shared by the message records' constructors. */
final class Ranges {

    private Ranges() {}

    static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    static void unit(String name, float value) {
        if (!(value >= -1f && value <= 1f)) {
            throw new IllegalArgumentException(name + " must be in [-1, 1], got " + value);
        }
    }

    static void finite(String name, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
