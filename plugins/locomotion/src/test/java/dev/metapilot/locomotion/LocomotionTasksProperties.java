package dev.metapilot.locomotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Split;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.DynamicsParameter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class LocomotionTasksProperties {

    private final LocomotionTasks tasks = new LocomotionTasks(TargetFamily.BOTH);

    @Property(tries = 300)
    void everySampledTaskBelongsToItsSplitByTheSplitFunction(@ForAll long seed) {
        LocomotionTask train = tasks.sample(Split.TRAIN, seed);
        LocomotionTask test = tasks.sample(Split.TEST, seed);
        assertThat(LocomotionTasks.splitOf(train.dynamics())).isEqualTo(Split.TRAIN);
        assertThat(LocomotionTasks.splitOf(test.dynamics())).isEqualTo(Split.TEST);
        assertThat(LocomotionTasks.withinTrainRanges(train.dynamics())).isTrue();
        assertThat(train.dynamics()).isNotEqualTo(test.dynamics());
    }

    @Property(tries = 200)
    void sampledValuesLieInTheirSplitsRangesAtTheirResolution(@ForAll long seed, @ForAll Split split) {
        LocomotionTask task = tasks.sample(split, seed);
        for (DynamicsParameter p : DynamicsParameter.values()) {
            double v = p.of(task.dynamics());
            assertThat(ParameterRange.of(split, p).contains(v)).as(p.field()).isTrue();
            assertThat(p.value(p.quantise(v))).as(p.field()).isEqualTo(v);
        }
        assertThat(task.target().velocity()).isBetween(TargetFamily.MIN_SPEED, TargetFamily.MAX_SPEED);
        assertThat(task.target().headingDegrees()).isBetween(-180.0, 180.0);
    }

    @Property(tries = 100)
    void theSameSplitAndSeedGiveTheSameTask(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll Split split) {
        assertThat(tasks.sample(split, seed)).isEqualTo(tasks.sample(split, seed));
        assertThat(tasks.sample(split, seed).id()).isEqualTo("locomotion-both-" + split.name().toLowerCase(
                java.util.Locale.ROOT) + "-" + seed);
    }

    @Property(tries = 500)
    void trainAndTestNeverShareDynamicsEvenOnACoarseGrid(@ForAll("coarseDynamics") DriveDynamics dynamics) {
        // On a grid this coarse many draws collide, so a split rule that were not a function would show here.
        Split split = LocomotionTasks.splitOf(dynamics);
        assertThat(LocomotionTasks.splitOf(copy(dynamics))).isEqualTo(split);
        if (!LocomotionTasks.withinTrainRanges(dynamics)) {
            assertThat(split).isEqualTo(Split.TEST);
        }
    }

    @Provide
    Arbitrary<DriveDynamics> coarseDynamics() {
        return Arbitraries.longs().between(0, 1 << 20).map(bits -> {
            Map<DynamicsParameter, Double> values = new EnumMap<>(DynamicsParameter.class);
            long b = bits;
            for (DynamicsParameter p : DynamicsParameter.values()) {
                ParameterRange r = ParameterRange.of(Split.TEST, p);
                values.put(p, (b & 1) == 0 ? r.min() : r.max());
                b >>= 1;
            }
            return DriveDynamics.of(values);
        });
    }

    private static DriveDynamics copy(DriveDynamics d) {
        Map<DynamicsParameter, Double> values = new EnumMap<>(DynamicsParameter.class);
        for (DynamicsParameter p : DynamicsParameter.values()) {
            values.put(p, p.of(d));
        }
        return DriveDynamics.of(values);
    }

    @Example
    void testTasksReachBeyondTrainRangesAndHalfAreInRange() {
        int outOfRange = 0;
        Set<DynamicsParameter> beyond = new HashSet<>();
        Set<DriveDynamics> train = new HashSet<>();
        for (long seed = 0; seed < 2000; seed++) {
            train.add(tasks.sample(Split.TRAIN, seed).dynamics());
        }
        for (long seed = 0; seed < 2000; seed++) {
            LocomotionTask t = tasks.sample(Split.TEST, seed);
            assertThat(train).doesNotContain(t.dynamics());
            if (t.regime().equals("out-of-range")) {
                outOfRange++;
            }
            for (DynamicsParameter p : DynamicsParameter.values()) {
                if (!ParameterRange.of(Split.TRAIN, p).contains(p.of(t.dynamics()))) {
                    beyond.add(p);
                }
            }
        }
        assertThat(outOfRange).isBetween(900, 1100);
        assertThat(beyond).containsExactlyInAnyOrder(DynamicsParameter.PAYLOAD_KG, DynamicsParameter.LEFT_GAIN,
                DynamicsParameter.RIGHT_GAIN, DynamicsParameter.DEADBAND, DynamicsParameter.MOTOR_LAG_S,
                DynamicsParameter.LATENCY_TICKS, DynamicsParameter.ROLLING_FRICTION, DynamicsParameter.SLOPE_DEG);
        for (DynamicsParameter p : beyond) {
            ParameterRange trainRange = ParameterRange.of(Split.TRAIN, p);
            ParameterRange testRange = ParameterRange.of(Split.TEST, p);
            assertThat(testRange.min() <= trainRange.min() && testRange.max() >= trainRange.max()).isTrue();
        }
    }

    @Example
    void eachFamilyDrawsItsOwnTargets() {
        for (long seed = 0; seed < 200; seed++) {
            LocomotionTask v = new LocomotionTasks(TargetFamily.VELOCITY).sample(Split.TEST, seed);
            LocomotionTask h = new LocomotionTasks(TargetFamily.HEADING).sample(Split.TEST, seed);
            assertThat(v.target().headingDegrees()).isZero();
            assertThat(h.target().velocity()).isEqualTo(TargetFamily.HEADING_SPEED);
            assertThat(v.dynamics()).as("dynamics do not depend on the family").isEqualTo(h.dynamics());
        }
    }
}
