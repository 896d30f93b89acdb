package dev.metapilot.sim.testing;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.maze.MazePlugin;
import java.util.Map;

/** Configures the repository's real plugins for tests, as {@code --env NAME --env-config ...} would. Test code. */
public final class Plugins {

    private Plugins() {}

    /** The bandit plugin with {@code arms} arms and {@code pulls} pulls per trial. */
    public static EnvironmentFactory bandit(int arms, int pulls) {
        return configure(new BanditPlugin(), Map.of("arms", Integer.toString(arms), "pulls", Integer.toString(pulls)));
    }

    /** The maze plugin with small mazes. */
    public static EnvironmentFactory smallMaze() {
        return configure(new MazePlugin(), Map.of("size", "small"));
    }

    /** The resolved {@code key=value,...} string of {@code plugin}'s settings with {@code overrides}. */
    public static String resolved(EnvironmentPlugin plugin, Map<String, String> overrides) {
        return EnvConfig.resolve(plugin.name(), plugin.options(), overrides).toString();
    }

    private static EnvironmentFactory configure(EnvironmentPlugin plugin, Map<String, String> overrides) {
        return plugin.configure(overrides);
    }
}
