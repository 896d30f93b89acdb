package dev.metapilot.bandit.mdp;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;

/**
 * The {@code tabular-mdp} plugin: random tabular MDPs with reward means ~ N(1,1), unit-variance Gaussian rewards and
 * flat-Dirichlet transitions, episodes from state 0 (RL², Duan et al. 2016, Table 2 protocol).
 *
 * <p>
 * Found by the agent through {@link java.util.ServiceLoader}; {@link #configure} is called once per run on the main
 * thread.
 */
public final class TabularMdpPlugin implements EnvironmentPlugin {

    @Override
    public String name() {
        return "tabular-mdp";
    }

    @Override
    public String description() {
        return "random tabular MDP, rewards N(N(1,1),1), Dirichlet(1) transitions, start state 0 (RL² Table 2)";
    }

    @Override
    public List<ConfigOption> options() {
        return TabularMdpConfig.OPTIONS;
    }

    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        return new TabularMdpFactory(TabularMdpConfig.from(config));
    }
}
