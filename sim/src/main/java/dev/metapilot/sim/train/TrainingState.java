package dev.metapilot.sim.train;

import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.sim.export.OnnxPolicyReader;
import dev.metapilot.sim.model.HiddenWidening;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.Rl2Model;
import dev.metapilot.sim.model.Rl2Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of a training run that changes from update to update (model, optimiser, environment slots and their
 * carried hidden state, observation statistics, minibatch-order stream, counters) and its round trip through a
 * {@link Checkpoint}. Owned by the {@link Trainer} on its main thread.
 */
final class TrainingState {

    final Rl2Model model;
    final AdamOptimizer adam;
    final VectorTrials trials;
    final RolloutCollector collector;
    final SplitMix64 shuffle;
    ObservationStats stats;
    int update;
    long envSteps;
    long finishedTrials;
    double wallSeconds;

    TrainingState(Rl2Model model, AdamOptimizer adam, VectorTrials trials, RolloutCollector collector,
            ObservationStats stats, SplitMix64 shuffle) {
        this.model = model;
        this.adam = adam;
        this.trials = trials;
        this.collector = collector;
        this.stats = stats;
        this.shuffle = shuffle;
    }

    /** Begins the first trial of every environment slot (a fresh run). */
    void beginTrials() {
        for (int i = 0; i < trials.size(); i++) {
            trials.slot(i).beginTrial();
        }
    }

    /**
     * Starts a fresh run from the parameters and observation statistics of checkpoint {@code c} (read from
     * {@code file}) of another run; optimiser, counters and environments stay fresh. The two runs may differ in their
     * training-only blocks (time-aware or privileged critic, task inference).
     *
     * @throws TrainingException when the checkpoint's network or observation size does not fit this run's
     */
    void initialiseFrom(Path file, Checkpoint c) {
        int features = stats.mean().length;
        if (c.observationMean().length != features) {
            throw new TrainingException(
                    "cannot start from " + file + ": its observations have " + c.observationMean().length
                            + " features, this environment's " + features + " (checkpoint of " + c.config().get("env")
                            + " " + c.config().get("env_config") + ")");
        }
        try {
            model.load(adopted(c.parameters()));
        } catch (IllegalArgumentException e) {
            throw new TrainingException("cannot start from " + file + ": its network does not fit this run's ("
                    + "checkpoint: hidden " + c.config().get("hidden") + ", layers " + c.config().get("layers") + " on "
                    + c.config().get("env") + "): " + e.getMessage(), e);
        }
        stats = new ObservationStats(c.observationCount(), c.observationMean(), c.observationM2());
    }

    /**
     * Starts a fresh run from an exported policy {@code p} (read from {@code file}): its GRU, action outputs and value
     * row, and observation statistics that give exactly its normalisation, weighted as if they came from the
     * {@link PolicyMetadata#trainingSteps()} observations it was trained on; the training-only critic terms start from
     * their initial weights. The policy must have this run's network (spaces, layers, episode-reset units; a hidden
     * size no larger, {@link HiddenWidening}) and observation clip.
     *
     * @throws TrainingException when it does not fit this run's
     */
    void initialiseFrom(Path file, OnnxPolicyReader.ExportedPolicy p, float observationClip) {
        NetworkShape own = model.shape();
        NetworkShape theirs = p.weights().shape();
        if (theirs.observationSize() != own.observationSize() || !theirs.actionSpace().equals(own.actionSpace())
                || theirs.hidden() > own.hidden() || theirs.layers() != own.layers()
                || theirs.episodeResetUnits() != own.episodeResetUnits()) {
            throw new TrainingException("cannot start from " + file + ": its network does not fit this run's (policy: "
                    + describe(theirs) + " for " + p.metadata().envId() + "; this run: " + describe(own) + ")");
        }
        if (Float.compare(p.normalization().clip(), observationClip) != 0) {
            throw new TrainingException("cannot start from " + file + ": it clips normalised observations at "
                    + p.normalization().clip() + ", this run at " + observationClip + " (--observation-clip)");
        }
        try {
            model.load(adopted(Rl2Model.exportedValues(p.weights())));
        } catch (IllegalArgumentException e) {
            throw new TrainingException("cannot start from " + file + ": its network does not fit this run's: " + e
                    .getMessage(), e);
        }
        stats = ObservationStats.giving(p.normalization(), Math.max(1, p.metadata().trainingSteps()));
    }

    private static String describe(NetworkShape s) {
        return s.observationSize() + " observation features, " + s.actionSpace() + " actions, hidden " + s.hidden()
                + ", layers " + s.layers() + ", " + s.episodeResetUnits() + " episode-reset units";
    }

    /**
     * The parameters a fresh run takes from {@code saved}: all of them (a GRU with fewer units widened to this run's,
     * {@link HiddenWidening}), except that a time-aware or privileged critic's extra terms (and a task-inference head)
     * start from their initial weights when {@code saved} has none (or has them for other features), and are dropped
     * when this run's critic has none.
     */
    private Map<String, float[]> adopted(Map<String, float[]> saved) {
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, float[]> fresh = model.values();
        int from = HiddenWidening.hiddenOf(saved);
        // a smaller GRU is widened so that the network computes what it computed; its training-only terms, which
        // read a hidden state of the old width, start fresh below
        Map<String, float[]> source = from < model.shape().hidden()
                ? HiddenWidening.widen(saved, from, model.shape(), fresh)
                : saved;
        source.forEach((name, values) -> {
            if (!Rl2Network.isTrainingOnly(name)
                    || fresh.containsKey(name) && fresh.get(name).length == values.length) {
                out.put(name, values);
            }
        });
        fresh.forEach((name, values) -> {
            if (Rl2Network.isTrainingOnly(name)) {
                out.putIfAbsent(name, values);
            }
        });
        return out;
    }

    /** The state as a checkpoint of the run configured by {@code config}. */
    Checkpoint capture(Map<String, String> config) {
        List<Checkpoint.Slot> slots = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialSlot s = trials.slot(i);
            slots.add(new Checkpoint.Slot(s.trial(), s.sampling().state(), s.trialActions()));
        }
        return new Checkpoint(config, update, envSteps, finishedTrials, wallSeconds, model.values(), adam.steps(), adam
                .firstMoments(), adam.secondMoments(), stats.count(), stats.mean(), stats.m2(), shuffle.state(),
                slots, collector.state());
    }

    /**
     * Puts the run back where checkpoint {@code c} (read from {@code file}) left it; the environments replay their
     * running trials.
     *
     * @throws TrainingException when the checkpoint belongs to another configuration or does not fit the model
     */
    void restore(Path file, Checkpoint c, Map<String, String> config) {
        CheckpointFile.checkSameConfig(file, c.config(), config);
        if (c.slots().size() != trials.size()) {
            throw new TrainingException("checkpoint " + file + " has " + c.slots().size() + " environment slots, the "
                    + "run has " + trials.size());
        }
        try {
            model.load(c.parameters());
            adam.load(c.adamSteps(), c.adamFirst(), c.adamSecond());
            collector.setState(c.hiddenState());
            stats = new ObservationStats(c.observationCount(), c.observationMean(), c.observationM2());
        } catch (IllegalArgumentException e) {
            throw new TrainingException("checkpoint " + file + " does not fit the model: " + e.getMessage(), e);
        }
        shuffle.setState(c.shuffleState());
        for (int i = 0; i < trials.size(); i++) {
            Checkpoint.Slot s = c.slots().get(i);
            trials.slot(i).restore(s.trial(), s.actions(), s.samplingState());
        }
        update = c.update();
        envSteps = c.envSteps();
        finishedTrials = c.trials();
        wallSeconds = c.wallSeconds();
    }
}
