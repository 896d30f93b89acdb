package dev.metapilot.locomotion;

import dev.metapilot.env.Split;
import dev.metapilot.env.TaskDistribution;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.DynamicsParameter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The locomotion task distribution: dynamics drawn per parameter from its {@link ParameterRange} (at the parameter's
 * resolution), combined with a target of the configured {@link TargetFamily}.
 *
 * <p>
 * <b>TRAIN and TEST never share dynamics, by construction</b>: {@link #splitOf} assigns every possible dynamics to one
 * split: TEST when a parameter lies outside its TRAIN range, otherwise by the parity of a hash of the quantised
 * parameters. TRAIN draws within the TRAIN ranges until the hash is even. A TEST task is, with probability ½, drawn the
 * same way with an odd hash (in-range: unseen combinations of seen values), and otherwise from the wider TEST ranges
 * until at least one parameter lies outside TRAIN's (out-of-range: extrapolation). Targets have the same range in both
 * splits.
 *
 * <p>
 * Called by the trainer and evaluation from any thread; stateless.
 */
public final class LocomotionTasks implements TaskDistribution {

    private final TargetFamily family;

    public LocomotionTasks(TargetFamily family) {
        this.family = Objects.requireNonNull(family, "family is null");
    }

    public TargetFamily family() {
        return family;
    }

    @Override
    public LocomotionTask sample(Split split, long seed) {
        Objects.requireNonNull(split, "split is null");
        SplittableRandom rng = new SplittableRandom(
                seed * 0x9E3779B97F4A7C15L + (split.ordinal() + 1) * 0xD1B54A32D192ED03L);
        DriveDynamics dynamics;
        if (split == Split.TRAIN || rng.nextBoolean()) {
            do {
                dynamics = draw(Split.TRAIN, rng);
            } while (splitOf(dynamics) != split);
        } else {
            do {
                dynamics = draw(Split.TEST, rng);
            } while (withinTrainRanges(dynamics));
        }
        String id = "locomotion-" + family.optionValue() + "-" + split.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + seed;
        return new LocomotionTask(id, split.name().toLowerCase(java.util.Locale.ROOT), dynamics, family.draw(rng));
    }

    /** The split {@code dynamics} belongs to (see the class comment); a function, so the splits are disjoint. */
    public static Split splitOf(DriveDynamics dynamics) {
        if (!withinTrainRanges(dynamics)) {
            return Split.TEST;
        }
        long h = 0x243F6A8885A308D3L;
        for (DynamicsParameter p : DynamicsParameter.values()) {
            h = mix(h ^ p.quantise(p.of(dynamics)));
        }
        return (h & 1) == 0 ? Split.TRAIN : Split.TEST;
    }

    /** True when every parameter lies within its TRAIN range. */
    public static boolean withinTrainRanges(DriveDynamics dynamics) {
        for (DynamicsParameter p : DynamicsParameter.values()) {
            if (!ParameterRange.of(Split.TRAIN, p).contains(p.of(dynamics))) {
                return false;
            }
        }
        return true;
    }

    private static DriveDynamics draw(Split ranges, SplittableRandom rng) {
        Map<DynamicsParameter, Double> values = new EnumMap<>(DynamicsParameter.class);
        for (DynamicsParameter p : DynamicsParameter.values()) {
            ParameterRange r = ParameterRange.of(ranges, p);
            long lo = (long) Math.ceil(r.min() * p.stepsPerUnit() - 1e-9);
            long hi = (long) Math.floor(r.max() * p.stepsPerUnit() + 1e-9);
            values.put(p, p.value(rng.nextLong(lo, hi + 1)));
        }
        return DriveDynamics.of(values);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
