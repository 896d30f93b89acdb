package dev.metapilot.maze.hallway;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.maze.grid.GridEnvironment;
import dev.metapilot.maze.grid.ShortestPathOracle;
import java.util.List;

/**
 * The hallway environments of one configuration (number and length of hallways, episodes per trial).
 *
 * <p>
 * Returned by {@link HallwayPlugin#configure}; thread-safe, {@link #create()} once per worker.
 */
final class HallwayFactory implements EnvironmentFactory {

    private final HallwayLayout layout;
    private final EnvSpec spec;
    private final HallwayTasks tasks;
    private final List<Baseline> baselines;

    HallwayFactory(int hallways, int length, int episodes) {
        this.layout = new HallwayLayout(hallways, length);
        Discrete actions = new Discrete(4);
        this.spec = new EnvSpec(HallwayTask.ENVIRONMENT_ID, layout.space(), actions, layout.horizon(), episodes);
        this.tasks = new HallwayTasks(layout);
        this.baselines = List.of(new RandomBaseline(actions),
                new ShortestPathOracle("shortest path to the goal, knowing the goal hallway"), new SignReader(layout));
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public HallwayTasks tasks() {
        return tasks;
    }

    @Override
    public Environment create() {
        return new GridEnvironment(spec);
    }

    @Override
    public List<Baseline> baselines() {
        return baselines;
    }

    /** The map of this configuration. */
    HallwayLayout layout() {
        return layout;
    }
}
