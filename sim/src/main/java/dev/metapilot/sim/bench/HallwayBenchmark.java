package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.maze.hallway.HallwayPlugin;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * Hallway steps per second on one core: one {@code step} per call with uniformly random actions drawn up front, and a
 * {@code reset} whenever the episode ends, on one held-out task of the default 4 hallways of length 5.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh HallwayBenchmark}), one state per benchmark thread.
 */
public class HallwayBenchmark extends EnvironmentStepBenchmark {

    /** The value of the plugin's {@code hallways} option. */
    @Param({"4"})
    public int hallways;

    @Override
    protected EnvironmentFactory factory() {
        return new HallwayPlugin().configure(Map.of("hallways", Integer.toString(hallways)));
    }
}
