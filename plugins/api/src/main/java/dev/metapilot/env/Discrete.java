package dev.metapilot.env;

/**
 * A finite set of {@code n} actions or observations, numbered {@code 0..n-1}; carried to a policy as a one-hot vector.
 *
 * @param n number of values, at least 1
 */
public record Discrete(int n) implements Space {

    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete(n) needs n >= 1, got " + n);
        }
    }

    @Override
    public int flatSize() {
        return n;
    }

    /** True when {@code value} is one of {@code 0..n-1}. */
    public boolean contains(int value) {
        return value >= 0 && value < n;
    }

    @Override
    public String toString() {
        return "Discrete(" + n + ")";
    }
}
