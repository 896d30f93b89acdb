package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.maze.MazePlugin;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * Maze steps per second on one core: one {@code step} per call with uniformly random actions drawn up front, and a
 * {@code reset} whenever the episode ends (goal or horizon), on one held-out maze of the given size.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh MazeBenchmark}), one state per benchmark thread.
 */
public class MazeBenchmark extends EnvironmentStepBenchmark {

    /** The value of the plugin's {@code size} option. */
    @Param({"small", "large"})
    public String size;

    @Override
    protected EnvironmentFactory factory() {
        return new MazePlugin().configure(Map.of("size", size));
    }
}
