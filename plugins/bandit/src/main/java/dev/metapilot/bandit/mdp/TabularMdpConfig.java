package dev.metapilot.bandit.mdp;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the {@code tabular-mdp} plugin (RL² Table 2 protocol: 10 states, 5 actions, horizon 10).
 *
 * <p>
 * Built by {@link TabularMdpPlugin#configure} on the main thread; immutable.
 *
 * @param states number of states, 2..100
 * @param actions number of actions, 2..20
 * @param episodes episodes per trial {@code n}, 1..100000 (RL² used 10, 25, 50, 75, 100)
 * @param horizon steps per episode, 1..1000
 * @param expert the baseline whose next action the privileged features show a trainer: {@code greedy},
 *     {@code bayes-ucb} or {@code bayes-ucb-commit}
 * @param expertTemperature with {@code expert=bayes-ucb}: 0 shows the expert's choice as a one-hot, T &gt; 0 the
 *     softmax of the state's upper bounds divided by T (soft imitation targets); 0 to {@value #MAX_TEMPERATURE}, and 0
 *     with {@code expert=greedy}
 */
public record TabularMdpConfig(int states, int actions, int episodes, int horizon, String expert,
        double expertTemperature) {

    /** The experts the {@code expert} option names. */
    static final List<String> EXPERTS = List.of("greedy", BayesUcbBaseline.NAME, BayesUcbBaseline.COMMIT_NAME);

    static final int MAX_STATES = 100;
    static final int MAX_ACTIONS = 20;
    static final int MAX_EPISODES = 100_000;
    static final int MAX_HORIZON = 1000;
    static final double MAX_TEMPERATURE = 10;

    static final List<ConfigOption> OPTIONS = List.of(
            new ConfigOption("states", "10", "number of states (2.." + MAX_STATES + ")"),
            new ConfigOption("actions", "5", "number of actions (2.." + MAX_ACTIONS + ")"),
            new ConfigOption("episodes", "10",
                    "episodes per trial n (1.." + MAX_EPISODES + "); RL² used 10, 25, 50, 75, 100"),
            new ConfigOption("horizon", "10", "steps per episode (1.." + MAX_HORIZON + ")"),
            new ConfigOption("expert", "greedy", "for training only: the baseline whose next action the privileged"
                    + " features show, greedy, bayes-ucb or bayes-ucb-commit"),
            new ConfigOption("expert-temperature", "0", "for training with expert=bayes-ucb only: 0 shows its choice"
                    + " as a one-hot, T > 0 the softmax of the state's upper bounds / T (soft imitation targets)"));

    public TabularMdpConfig {
        Objects.requireNonNull(expert, "expert is null");
        if (!EXPERTS.contains(expert)) {
            throw new IllegalArgumentException("expert must be one of " + EXPERTS + ", got " + expert);
        }
        check("states", states, 2, MAX_STATES);
        check("actions", actions, 2, MAX_ACTIONS);
        check("episodes", episodes, 1, MAX_EPISODES);
        check("horizon", horizon, 1, MAX_HORIZON);
        if (!(expertTemperature >= 0 && expertTemperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("expert-temperature must be in 0.." + MAX_TEMPERATURE + ", got "
                    + expertTemperature);
        }
        if (expertTemperature > 0 && !expert.equals(BayesUcbBaseline.NAME)) {
            throw new IllegalArgumentException("expert-temperature applies to the bayes-ucb expert only, the expert "
                    + "is " + expert);
        }
    }

    /** These settings with the expert's choice shown as a one-hot. */
    public TabularMdpConfig(int states, int actions, int episodes, int horizon, String expert) {
        this(states, actions, episodes, horizon, expert, 0);
    }

    /** The RL² settings with the greedy expert. */
    public TabularMdpConfig(int states, int actions, int episodes, int horizon) {
        this(states, actions, episodes, horizon, "greedy");
    }

    /** True when the expert is one of the upper-bound rules, {@code bayes-ucb} or {@code bayes-ucb-commit}. */
    boolean upperBoundExpert() {
        return expert.equals(BayesUcbBaseline.NAME) || expert.equals(BayesUcbBaseline.COMMIT_NAME);
    }

    /** These settings with {@code expert} instead. */
    TabularMdpConfig withExpert(String expert) {
        return new TabularMdpConfig(states, actions, episodes, horizon, expert, 0);
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /**
     * Reads and range-checks the options.
     *
     * @throws IllegalArgumentException naming the key and the value
     */
    static TabularMdpConfig from(EnvConfig config) {
        return new TabularMdpConfig(read(config, "states", 2, MAX_STATES), read(config, "actions", 2, MAX_ACTIONS),
                read(config, "episodes", 1, MAX_EPISODES), read(config, "horizon", 1, MAX_HORIZON), expert(config),
                config.getDouble("expert-temperature"));
    }

    private static String expert(EnvConfig config) {
        String expert = config.getString("expert");
        if (!EXPERTS.contains(expert)) {
            throw config.invalid("expert", expert, "one of " + String.join(", ", EXPERTS));
        }
        return expert;
    }

    private static int read(EnvConfig config, String key, int min, int max) {
        int value = config.getInt(key);
        if (value < min || value > max) {
            throw config.invalid(key, config.getString(key), "an integer in " + min + ".." + max);
        }
        return value;
    }
}
