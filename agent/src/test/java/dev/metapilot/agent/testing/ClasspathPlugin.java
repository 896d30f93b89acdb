package dev.metapilot.agent.testing;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.TaskDistribution;
import java.util.List;

/** A plugin registered on the agent's test class path ({@code META-INF/services} in test resources). */
public final class ClasspathPlugin implements EnvironmentPlugin {

    @Override
    public String name() {
        return "classpath-demo";
    }

    @Override
    public String description() {
        return "plugin on the test class path";
    }

    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        EnvSpec spec = new EnvSpec("classpath-demo", Box.uniform(3, -1f, 1f), new Discrete(4), 7, 2);
        return new EnvironmentFactory() {
            @Override
            public EnvSpec spec() {
                return spec;
            }

            @Override
            public TaskDistribution tasks() {
                return (split, seed) -> () -> split + "-" + seed;
            }

            @Override
            public Environment create() {
                throw new UnsupportedOperationException("no environment in this fixture");
            }

            @Override
            public List<Baseline> baselines() {
                return List.of(new RandomBaseline(spec.actionSpace()));
            }
        };
    }
}
