package dev.metapilot.sim.eval;

import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.bandit.PublishedResults;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The two RL² tables (Duan et al. 2016): Table 1, Bernoulli bandits (n pulls, k arms), and Table 2, random tabular MDPs
 * (n episodes); what differs between their suites: plugin, default models, settings and the published figures.
 */
enum Rl2Table {

    /** Table 1: total reward over n pulls of a k-armed Bernoulli bandit. */
    BANDITS("rl2-bandits", "bandit", "Table 1", "pull", "ucb1",
            "./metapilot train --env bandit --env-config arms=5,pulls=10 --out models/bandit-10x5.onnx") {
        @Override
        Map<String, String> fallbackSettings(PolicyMetadata m) {
            return Map.of("arms", Integer.toString(m.actionSpace().flatSize()), "pulls", Integer.toString(m
                    .episodesPerTrial()));
        }

        @Override
        String describe(EnvSpec spec) {
            return "n=" + spec.episodesPerTrial() + " pulls, k=" + spec.actionSpace().flatSize() + " arms";
        }

        @Override
        String slug(EnvSpec spec) {
            return "n" + spec.episodesPerTrial() + "-k" + spec.actionSpace().flatSize();
        }

        @Override
        OptionalDouble published(PublishedResults paper, EnvSpec spec, String method) {
            return paper.bandit(spec.episodesPerTrial(), spec.actionSpace().flatSize(), method);
        }
    },

    /** Table 2: total reward over n episodes of a random tabular MDP (10 states, 5 actions, horizon 10). */
    MDPS("rl2-mdps", "tabular-mdp", "Table 2", "episode", "psrl",
            "./metapilot train --env tabular-mdp --env-config episodes=10 --out models/tabular-mdp-10.onnx") {
        @Override
        Map<String, String> fallbackSettings(PolicyMetadata m) {
            return Map.of("states", Integer.toString(m.observationSpace().flatSize()), "actions", Integer.toString(m
                    .actionSpace().flatSize()), "episodes", Integer.toString(m.episodesPerTrial()));
        }

        @Override
        String describe(EnvSpec spec) {
            return "n=" + spec.episodesPerTrial() + " episodes, " + spec.observationSpace().flatSize() + " states, "
                    + spec.actionSpace().flatSize() + " actions, horizon " + spec.maxEpisodeSteps();
        }

        @Override
        String slug(EnvSpec spec) {
            return "n" + spec.episodesPerTrial() + (isPapers(spec)
                    ? ""
                    : "-s" + spec.observationSpace().flatSize() + "-a" + spec.actionSpace().flatSize() + "-h" + spec
                            .maxEpisodeSteps());
        }

        @Override
        OptionalDouble published(PublishedResults paper, EnvSpec spec, String method) {
            return isPapers(spec) ? paper.tabularMdp(spec.episodesPerTrial(), method) : OptionalDouble.empty();
        }

        private boolean isPapers(EnvSpec spec) {
            return spec.observationSpace().flatSize() == 10 && spec.actionSpace().flatSize() == 5 && spec
                    .maxEpisodeSteps() == 10;
        }
    };

    private final String suite;
    private final String plugin;
    private final String paperTable;
    private final String index;
    private final String target;
    private final String trainHint;

    Rl2Table(String suite, String plugin, String paperTable, String index, String target, String trainHint) {
        this.suite = suite;
        this.plugin = plugin;
        this.paperTable = paperTable;
        this.index = index;
        this.target = target;
        this.trainHint = trainHint;
    }

    String suite() {
        return suite;
    }

    String plugin() {
        return plugin;
    }

    String paperTable() {
        return paperTable;
    }

    /** What one step of the chart's x axis is: a pull or an episode. */
    String index() {
        return index;
    }

    /** The baseline issue #6's target names for this table: the trained policy should be at or above it. */
    String target() {
        return target;
    }

    String trainHint() {
        return trainHint;
    }

    /** The settings a model was trained with: its {@code env_config}, else what its spaces and episodes imply. */
    Map<String, String> settings(PolicyModel model) {
        Map<String, String> recorded = model.envConfig();
        return recorded.isEmpty() ? fallbackSettings(model.metadata()) : new LinkedHashMap<>(recorded);
    }

    abstract Map<String, String> fallbackSettings(PolicyMetadata metadata);

    /** The configuration in words, for the table's title. */
    abstract String describe(EnvSpec spec);

    /** The configuration in a file name. */
    abstract String slug(EnvSpec spec);

    /** The paper's figure for {@code method} in this configuration, if it published one. */
    abstract OptionalDouble published(PublishedResults paper, EnvSpec spec, String method);

    /** The paper's figure for {@code method} of {@code factory}'s configuration. */
    OptionalDouble published(PublishedResults paper, EnvironmentFactory factory, String method) {
        return published(paper, factory.spec(), method);
    }
}
