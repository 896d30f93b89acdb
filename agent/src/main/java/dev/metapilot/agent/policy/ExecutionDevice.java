package dev.metapilot.agent.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where ONNX Runtime executes a policy ({@code --device cpu|cuda|auto}); read once on the main thread when the policy
 * is opened.
 */
public enum ExecutionDevice {

    /** The CPU execution provider. */
    CPU,

    /** The CUDA execution provider; opening the policy fails when CUDA is not available. */
    CUDA,

    /** CUDA when it is available, otherwise the CPU (logged at INFO). */
    AUTO;

    /**
     * Parses {@code cpu}, {@code cuda} or {@code auto}, ignoring case.
     *
     * @throws IllegalArgumentException listing the valid choices
     */
    public static ExecutionDevice parse(String text) {
        for (ExecutionDevice d : values()) {
            if (d.name().equalsIgnoreCase(text.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "'; valid: " + choices());
    }

    /** {@code cpu, cuda, auto}, for help texts and error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(ExecutionDevice::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
