package dev.metapilot.agent.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a policy turns its outputs into an action; chosen on the command line ({@code --greedy}) and fixed per run. */
public enum ActionSelection {

    /** Categorical sampling from the logits (Discrete), Gaussian around the mean with {@code exp(log_std)} (Box). */
    SAMPLE,

    /** Argmax of the logits (Discrete), the mean (Box). */
    GREEDY;

    /**
     * Parses {@code sample} or {@code greedy}, ignoring case.
     *
     * @throws IllegalArgumentException listing the valid choices
     */
    public static ActionSelection parse(String text) {
        for (ActionSelection s : values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown action selection '" + text + "'; valid: " + Arrays.stream(values())
                .map(ActionSelection::toString).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
