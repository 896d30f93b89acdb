package dev.metapilot.bandit;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import java.util.List;

/**
 * The settings of the {@code bandit} plugin: {@code k} arms and a trial of {@code n} pulls.
 *
 * <p>
 * Built by {@link BanditPlugin#configure} from the user's options on the main thread; immutable.
 *
 * @param arms number of arms {@code k}, 2..1000
 * @param pulls pulls per trial {@code n} (each pull is one episode of one step), 1..100000
 */
public record BanditConfig(int arms, int pulls) {

    static final int MAX_ARMS = 1000;
    static final int MAX_PULLS = 100_000;

    /** The options the plugin accepts, with the defaults (k=5, n=10). */
    static final List<ConfigOption> OPTIONS = List.of(
            new ConfigOption("arms", "5", "number of arms k (2.." + MAX_ARMS + "); RL² used 5, 10, 50"),
            new ConfigOption("pulls", "10", "pulls per trial n, one episode each (1.." + MAX_PULLS
                    + "); RL² used 10, 100, 500"));

    public BanditConfig {
        if (arms < 2 || arms > MAX_ARMS) {
            throw new IllegalArgumentException("arms must be in 2.." + MAX_ARMS + ", got " + arms);
        }
        if (pulls < 1 || pulls > MAX_PULLS) {
            throw new IllegalArgumentException("pulls must be in 1.." + MAX_PULLS + ", got " + pulls);
        }
    }

    /**
     * Reads and range-checks the options.
     *
     * @throws IllegalArgumentException naming the key and the value
     */
    static BanditConfig from(EnvConfig config) {
        int arms = config.getInt("arms");
        if (arms < 2 || arms > MAX_ARMS) {
            throw config.invalid("arms", config.getString("arms"), "an integer in 2.." + MAX_ARMS);
        }
        int pulls = config.getInt("pulls");
        if (pulls < 1 || pulls > MAX_PULLS) {
            throw config.invalid("pulls", config.getString("pulls"), "an integer in 1.." + MAX_PULLS);
        }
        return new BanditConfig(arms, pulls);
    }
}
