package dev.metapilot.maze;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileReader;
import dev.metapilot.maze.grid.GridEnvironment;
import dev.metapilot.maze.grid.ShortestPathOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The maze environments of one configuration: the same spec (id {@code maze}, one observation and action space) for
 * every size, so one policy runs on small and large mazes; the episode limit is the largest horizon of the configured
 * sizes, and each maze is truncated at its own horizon.
 *
 * <p>
 * Returned by {@link MazePlugin#configure}; thread-safe, {@link #create()} once per worker.
 */
final class MazeFactory implements EnvironmentFactory {

    private final EnvSpec spec;
    private final MazeTasks tasks;
    private final MazeFileFormat fileFormat;
    private final List<Baseline> baselines;

    /** @param sizes the generated sizes to draw from; at least one */
    MazeFactory(List<MazeSize> sizes, int episodes) {
        Objects.requireNonNull(sizes, "sizes is null");
        this.tasks = new MazeTasks(sizes);
        int horizon = sizes.stream().mapToInt(MazeSize::horizon).max().orElseThrow();
        Discrete actions = new Discrete(4);
        this.spec = new EnvSpec(MazeTask.ENVIRONMENT_ID, MazeObservation.space(), actions, horizon, episodes);
        this.fileFormat = new MazeFileFormat(
                horizon >= MazeSize.LARGE.horizon() ? MazeObservation.MAX_SIDE : MazeSize.SMALL.side());
        this.baselines = List.of(new RandomBaseline(actions),
                new ShortestPathOracle("shortest path to the goal, knowing the maze"), new FrontierExplorer());
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public MazeTasks tasks() {
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

    /**
     * Mazes from an ASCII file. A maze that fits in 11x11 gets the small horizon (250 steps), a larger one the large
     * horizon (1000 steps); with {@code size=small} only mazes up to 11x11 are accepted, otherwise up to 81x81.
     */
    @Override
    public Optional<TaskFileReader> taskFileReader() {
        return Optional.of((source, in) -> {
            List<MazeLayout> layouts = fileFormat.read(source, in);
            String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
            List<Task> out = new ArrayList<>(layouts.size());
            for (int i = 0; i < layouts.size(); i++) {
                out.add(new MazeTask("maze-file-" + name + "-" + (i + 1), "file", layouts.get(i),
                        fileHorizon(layouts.get(i))));
            }
            return out;
        });
    }

    /** The horizon of a maze read from a file: the small horizon when it fits in a small maze, else the large one. */
    static int fileHorizon(MazeLayout layout) {
        int side = MazeSize.SMALL.side();
        boolean small = layout.grid().rows() <= side && layout.grid().columns() <= side;
        return small ? MazeSize.SMALL.horizon() : MazeSize.LARGE.horizon();
    }
}
