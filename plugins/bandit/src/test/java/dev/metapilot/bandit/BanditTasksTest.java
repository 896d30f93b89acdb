package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bandit.random.TaskSeeds;
import dev.metapilot.env.Split;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BanditTasksTest {

    @Property
    void sameSplitAndSeedGiveTheSameTask(@ForAll long seed, @ForAll Split split,
            @ForAll @IntRange(min = 2, max = 60) int arms) {
        BanditTasks tasks = new BanditTasks(arms);
        assertThat(tasks.sample(split, seed)).isEqualTo(tasks.sample(split, seed));
    }

    @Property
    void trainAndTestNeverShareATask(@ForAll long trainSeed, @ForAll long testSeed) {
        BanditTasks tasks = new BanditTasks(5);
        BanditTask train = tasks.sample(Split.TRAIN, trainSeed);
        BanditTask test = tasks.sample(Split.TEST, testSeed);
        assertThat(TaskSeeds.internalSeed(Split.TRAIN, trainSeed))
                .isNotEqualTo(TaskSeeds.internalSeed(Split.TEST, testSeed));
        assertThat(train.id()).isNotEqualTo(test.id());
        double[] a = new double[5];
        double[] b = new double[5];
        train.copyProbabilities(a);
        test.copyProbabilities(b);
        assertThat(a).isNotEqualTo(b);
    }

    @Property
    void probabilitiesAreUniformOnTheUnitInterval(@ForAll long seed) {
        BanditTask t = new BanditTasks(50).sample(Split.TRAIN, seed);
        double sum = 0;
        for (int a = 0; a < t.arms(); a++) {
            assertThat(t.probability(a)).isBetween(0.0, 1.0);
            sum += t.probability(a);
        }
        // mean of 50 U[0,1]: sd 0.041; six of them
        assertThat(sum / t.arms()).isBetween(0.25, 0.75);
    }
}
