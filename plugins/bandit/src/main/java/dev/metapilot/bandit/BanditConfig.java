package dev.metapilot.bandit;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the {@code bandit} plugin: {@code k} arms, a trial of {@code n} pulls, and the expert whose choice
 * the privileged features show a trainer.
 *
 * <p>
 * Built by {@link BanditPlugin#configure} from the user's options on the main thread; immutable.
 *
 * @param arms number of arms {@code k}, 2..1000
 * @param pulls pulls per trial {@code n} (each pull is one episode of one step), 1..100000
 * @param expert the baseline whose next arm the privileged features show: {@code ucb1}, or {@code gittins} (for
 *     {@code n <= 200})
 */
public record BanditConfig(int arms, int pulls, String expert) {

    static final int MAX_ARMS = 1000;
    static final int MAX_PULLS = 100_000;

    /** The experts the {@code expert} option names. */
    static final List<String> EXPERTS = List.of("ucb1", "gittins");

    /** The options the plugin accepts, with the defaults (k=5, n=10, UCB1 as the expert). */
    static final List<ConfigOption> OPTIONS = List.of(
            new ConfigOption("arms", "5", "number of arms k (2.." + MAX_ARMS + "); RL² used 5, 10, 50"),
            new ConfigOption("pulls", "10", "pulls per trial n, one episode each (1.." + MAX_PULLS
                    + "); RL² used 10, 100, 500"),
            new ConfigOption("expert", "ucb1", "for training only: the baseline whose next arm the privileged"
                    + " features show, ucb1 or gittins (n <= " + GittinsIndexTable.MAX_PULLS + ")"));

    public BanditConfig {
        Objects.requireNonNull(expert, "expert is null");
        if (arms < 2 || arms > MAX_ARMS) {
            throw new IllegalArgumentException("arms must be in 2.." + MAX_ARMS + ", got " + arms);
        }
        if (pulls < 1 || pulls > MAX_PULLS) {
            throw new IllegalArgumentException("pulls must be in 1.." + MAX_PULLS + ", got " + pulls);
        }
        if (!EXPERTS.contains(expert)) {
            throw new IllegalArgumentException("expert must be one of " + EXPERTS + ", got " + expert);
        }
        if (expert.equals("gittins") && !GittinsIndexTable.fits(pulls)) {
            throw new IllegalArgumentException("expert gittins needs pulls <= " + GittinsIndexTable.MAX_PULLS
                    + ", got " + pulls);
        }
    }

    /** {@code k} arms, {@code n} pulls, UCB1 as the expert. */
    public BanditConfig(int arms, int pulls) {
        this(arms, pulls, "ucb1");
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
        String expert = config.getString("expert");
        if (!EXPERTS.contains(expert)) {
            throw config.invalid("expert", expert, "one of " + String.join(", ", EXPERTS));
        }
        if (expert.equals("gittins") && !GittinsIndexTable.fits(pulls)) {
            throw config.invalid("expert", expert, "ucb1: the Gittins table is computed for pulls <= "
                    + GittinsIndexTable.MAX_PULLS);
        }
        return new BanditConfig(arms, pulls, expert);
    }
}
