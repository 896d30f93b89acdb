package dev.metapilot.env;

/**
 * Which part of a task distribution to draw from: {@link #TRAIN} for training, {@link #TEST} for held-out evaluation. A
 * plugin guarantees the two never share a task.
 */
public enum Split {
    /** Tasks the trainer may see. */
    TRAIN,
    /** Held-out tasks, never trained on; every reported figure uses these. */
    TEST;

    /** Parses {@code train} or {@code test}, ignoring case; the error lists the valid names. */
    public static Split parse(String text) {
        for (Split s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + text + "'; valid: train, test");
    }
}
