package dev.metapilot.sim.testing;

import dev.metapilot.sim.model.Rl2Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Weights of a trained-looking size, {@code U(-0.6, 0.6)} for every parameter, so that every gate and unit matters. */
public final class RandomWeights {

    private RandomWeights() {}

    /** Random values for every parameter of {@code model}, by name (load them with {@link Rl2Model#load}). */
    public static Map<String, float[]> of(Rl2Model model, SplittableRandom random) {
        Map<String, float[]> values = new LinkedHashMap<>();
        model.values().forEach((name, v) -> {
            float[] w = new float[v.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextDouble(-0.6, 0.6);
            }
            values.put(name, w);
        });
        return values;
    }
}
