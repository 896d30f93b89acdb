package dev.metapilot.maze.hallway;

import dev.metapilot.env.Split;
import dev.metapilot.env.TaskDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The hallway tasks of one configuration: every pair of goal hallway {@code g} and start column {@code s}; TRAIN holds
 * the pairs with {@code g + s} even and TEST those with {@code g + s} odd, so the splits never share a task while every
 * goal hallway and every start column occurs in both.
 *
 * <p>
 * Built once per configuration (all tasks compiled up front); {@link #sample} is thread-safe and allocates a generator
 * only.
 */
final class HallwayTasks implements TaskDistribution {

    private final List<HallwayTask> train = new ArrayList<>();
    private final List<HallwayTask> test = new ArrayList<>();

    HallwayTasks(HallwayLayout layout) {
        Objects.requireNonNull(layout, "layout is null");
        for (int goal = 0; goal < layout.hallways(); goal++) {
            for (int start = 0; start < layout.width(); start++) {
                ((goal + start) % 2 == 0 ? train : test).add(new HallwayTask(layout, goal, start));
            }
        }
    }

    @Override
    public HallwayTask sample(Split split, long seed) {
        Objects.requireNonNull(split, "split is null");
        List<HallwayTask> tasks = split == Split.TRAIN ? train : test;
        return tasks.get(new SplittableRandom(seed).nextInt(tasks.size()));
    }

    /** Every task of {@code split}. */
    List<HallwayTask> all(Split split) {
        return List.copyOf(split == Split.TRAIN ? train : test);
    }
}
