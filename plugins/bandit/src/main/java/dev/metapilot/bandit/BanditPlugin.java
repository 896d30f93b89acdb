package dev.metapilot.bandit;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;

/**
 * The {@code bandit} plugin: Bernoulli bandits with {@code k} arms, {@code p ~ U[0,1]} per arm and task, and trials of
 * {@code n} pulls (RL², Duan et al. 2016, Table 1 protocol).
 *
 * <p>
 * Found by the agent through {@link java.util.ServiceLoader}; {@link #configure} is called once per run on the main
 * thread.
 */
public final class BanditPlugin implements EnvironmentPlugin {

    @Override
    public String name() {
        return "bandit";
    }

    @Override
    public String description() {
        return "Bernoulli multi-armed bandit, p ~ U[0,1] per arm, one pull per episode (RL² Table 1)";
    }

    @Override
    public List<ConfigOption> options() {
        return BanditConfig.OPTIONS;
    }

    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        return new BanditFactory(BanditConfig.from(config));
    }
}
