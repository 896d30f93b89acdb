package dev.metapilot.sim.eval;

import dev.metapilot.agent.cli.PolicyOpener;
import dev.metapilot.agent.plugin.PluginRegistry;
import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a suite works with during one {@code eval} command: the discovered plugins, how to open policies, the settings
 * and where to print. Lives on the main thread for the duration of the command.
 */
public final class EvalRun {

    private final PluginRegistry plugins;
    private final PolicyOptions options;
    private final EvalSettings settings;
    private final PrintWriter out;

    public EvalRun(PluginRegistry plugins, PolicyOptions options, EvalSettings settings, PrintWriter out) {
        this.plugins = Objects.requireNonNull(plugins, "plugins is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.out = Objects.requireNonNull(out, "out is null");
    }

    public EvalSettings settings() {
        return settings;
    }

    public PrintWriter out() {
        return out;
    }

    /** How a trained policy with {@code metadata} acts: {@code --greedy} or {@code --sample}, else as it says. */
    public ActionSelection selection(PolicyMetadata metadata) {
        return metadata.selection(options.selection());
    }

    /** Plugin {@code plugin} configured with {@code overrides} over its defaults. */
    public EnvironmentFactory configure(String plugin, Map<String, String> overrides) {
        return plugins.configure(plugin, overrides);
    }

    /**
     * {@code trials} tasks of the settings' split (held-out TEST unless {@code --split train}) drawn with seeds
     * {@code seed, seed+1, ...}, the plugin's episodes each.
     */
    public TrialPlan testPlan(EnvironmentFactory factory, int trials) {
        List<Task> tasks = new ArrayList<>(trials);
        for (int t = 0; t < trials; t++) {
            tasks.add(factory.tasks().sample(settings.split(), settings.seed() + t));
        }
        return new TrialPlan(tasks, factory.spec().episodesPerTrial(), settings.seed());
    }

    /** Opens baselines and model files of plugin {@code plugin} as {@code run} does. */
    public PolicyOpener opener(String plugin, EnvironmentFactory factory) {
        return new PolicyOpener(plugins.get(plugin), factory, options);
    }

    /**
     * Checks a model file for {@code suite} before any trial, {@code remedy} in its errors (see
     * {@link PolicyModel#inspect}).
     */
    public PolicyModel inspect(Path file, String suite, String plugin, String remedy) {
        return PolicyModel.inspect(file, options, suite, plugin, remedy);
    }

    /**
     * The policies the user passed, or the shipped {@code defaultModel}, each checked for {@code suite} with the remedy
     * "train one with {@code trainCommand}".
     */
    public List<PolicyModel> models(String suite, String plugin, String defaultModel, String trainCommand) {
        List<Path> files = settings.policies().isEmpty() ? List.of(shipped(defaultModel)) : settings.policies();
        List<PolicyModel> models = new ArrayList<>();
        for (Path f : files) {
            models.add(inspect(f, suite, plugin, trainOrPass(trainCommand)));
        }
        return models;
    }

    /** What to do about a missing or unsuitable model file: train one with {@code trainCommand} or pass another. */
    public static String trainOrPass(String trainCommand) {
        return "train one with `" + trainCommand + "`, or pass --policy FILE";
    }

    /** Runs every trial of {@code plan} with {@code contender} on the settings' threads. */
    public Outcomes run(EnvironmentFactory factory, TrialPlan plan, Contender contender) {
        return new ParallelTrials(factory, settings.threads()).run(contender, plan);
    }

    /** A default model path, {@code relative} to the launcher's directory. */
    public Path shipped(String relative) {
        return settings.home().resolve(relative).normalize();
    }

    /** Where chart {@code name} goes, the plot directory created; empty without {@code --plot}. */
    public Optional<Path> plotFile(String name) {
        if (settings.plotDir() == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(settings.plotDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plot directory " + settings.plotDir() + ": " + e
                    .getMessage(), e);
        }
        return Optional.of(settings.plotDir().resolve(name));
    }
}
