package dev.metapilot.maze;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;

/**
 * The {@code maze} plugin: SNAIL-protocol maze navigation, small (5x5 cells) and large (9x9 cells) perfect mazes, two
 * episodes per trial with start and goal fixed within the trial.
 *
 * <p>
 * Discovered by the agent through {@link java.util.ServiceLoader}; {@link #configure} runs once per run on the main
 * thread.
 */
public final class MazePlugin implements EnvironmentPlugin {

    /** Most episodes per trial the {@code episodes} option accepts. */
    static final int MAX_EPISODES = 100;

    @Override
    public String name() {
        return "maze";
    }

    @Override
    public String description() {
        return "perfect mazes, small 5x5 and large 9x9 cells, goal hidden until in sight (SNAIL protocol)";
    }

    @Override
    public List<ConfigOption> options() {
        return List.of(
                new ConfigOption("size", "mixed",
                        "small (5x5 cells), large (9x9 cells), mixed (each task small or large at random), or tiny "
                                + "(3x3 cells, a curriculum's first stage)"),
                new ConfigOption("episodes", "2", "episodes per trial, 1.." + MAX_EPISODES + " (SNAIL: 2)"));
    }

    /**
     * @throws IllegalArgumentException for an unknown size or an episode count out of range, naming the option
     */
    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        String size = config.getString("size");
        List<MazeSize> sizes = switch (size) {
            case "tiny" -> List.of(MazeSize.TINY);
            case "small" -> List.of(MazeSize.SMALL);
            case "large" -> List.of(MazeSize.LARGE);
            case "mixed" -> List.of(MazeSize.SMALL, MazeSize.LARGE);
            default -> throw config.invalid("size", size, "one of small, large, mixed, tiny");
        };
        int episodes = config.getInt("episodes");
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw config.invalid("episodes", Integer.toString(episodes), "an integer in 1.." + MAX_EPISODES);
        }
        return new MazeFactory(sizes, episodes);
    }
}
