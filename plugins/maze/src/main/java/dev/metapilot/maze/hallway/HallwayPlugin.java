package dev.metapilot.maze.hallway;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;

/**
 * The {@code hallway} plugin: DREAM's exploration example, {@code N} hallways from a start room and a sign that tells
 * the goal hallway only to an agent standing on it.
 *
 * <p>
 * Discovered by the agent through {@link java.util.ServiceLoader}; {@link #configure} runs once per run on the main
 * thread.
 */
public final class HallwayPlugin implements EnvironmentPlugin {

    static final int MAX_HALLWAYS = 16;
    static final int MAX_LENGTH = 50;
    static final int MAX_EPISODES = 100;

    @Override
    public String name() {
        return "hallway";
    }

    @Override
    public String description() {
        return "hallways from a start room, a sign in the room tells the goal hallway when stood on (DREAM)";
    }

    @Override
    public List<ConfigOption> options() {
        return List.of(new ConfigOption("hallways", "4", "number of hallways N, 2.." + MAX_HALLWAYS),
                new ConfigOption("length", "5", "squares per hallway, 1.." + MAX_LENGTH),
                new ConfigOption("episodes", "2", "episodes per trial, 1.." + MAX_EPISODES));
    }

    /**
     * @throws IllegalArgumentException for a setting out of range, naming the option
     */
    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        int hallways = inRange(config, "hallways", 2, MAX_HALLWAYS);
        int length = inRange(config, "length", 1, MAX_LENGTH);
        int episodes = inRange(config, "episodes", 1, MAX_EPISODES);
        return new HallwayFactory(hallways, length, episodes);
    }

    private static int inRange(EnvConfig config, String key, int min, int max) {
        int value = config.getInt(key);
        if (value < min || value > max) {
            throw config.invalid(key, Integer.toString(value), "an integer in " + min + ".." + max);
        }
        return value;
    }
}
