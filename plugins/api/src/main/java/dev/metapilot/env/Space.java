package dev.metapilot.env;

import java.util.ArrayList;
import java.util.List;

/**
 * An observation or action space: {@link Discrete} or {@link Box}.
 *
 * <p>
 * Plugins declare their spaces in an {@link EnvSpec}; the agent compares them with a policy's metadata before the first
 * step. {@link #toString()} is the canonical text form, and {@link #parse(String)} reads it back.
 */
public sealed interface Space permits Discrete, Box {

    /**
     * Length of the flat float vector that carries a value of this space to a policy: {@code n} (one-hot) for
     * {@code Discrete(n)}, the number of dimensions for a {@code Box}.
     */
    int flatSize();

    /**
     * Parses the canonical text form: {@code Discrete(4)} or {@code Box([-1.0, -1.0], [1.0, 1.0])}; bounds may be
     * {@code inf} or {@code -inf}.
     *
     * @throws IllegalArgumentException naming the text when it is not a space
     */
    static Space parse(String text) {
        String s = text.strip();
        try {
            if (s.startsWith("Discrete(") && s.endsWith(")")) {
                return new Discrete(Integer.parseInt(s.substring("Discrete(".length(), s.length() - 1).strip()));
            }
            if (s.startsWith("Box(") && s.endsWith(")")) {
                String body = s.substring("Box(".length(), s.length() - 1);
                int split = body.indexOf(']');
                if (split < 0) {
                    throw new IllegalArgumentException("missing ']'");
                }
                String rest = body.substring(split + 1).strip();
                if (!rest.startsWith(",")) {
                    throw new IllegalArgumentException("expected ',' between low and high");
                }
                return new Box(parseVector(body.substring(0, split + 1)), parseVector(rest.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a space: '" + text + "' (" + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(
                "not a space: '" + text + "'; expected Discrete(n) or Box([low...], [high...])");
    }

    private static float[] parseVector(String text) {
        String s = text.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("expected [v1, v2, ...], got '" + s + "'");
        }
        String body = s.substring(1, s.length() - 1).strip();
        List<Float> values = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String item : body.split(",")) {
                values.add(parseBound(item.strip()));
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static float parseBound(String s) {
        return switch (s) {
            case "inf", "+inf", "Infinity" -> Float.POSITIVE_INFINITY;
            case "-inf", "-Infinity" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(s);
        };
    }
}
