package dev.metapilot.agent.policy;

import ai.onnxruntime.OrtException;
import dev.metapilot.env.Action;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code rl2/1} recurrent meta-policy from an ONNX file, run by ONNX Runtime at batch 1. Opened on the main thread
 * (which checks the model against the contract and the plugin's spec before anything else), then driven by one trial
 * thread: {@link #beginTrial} zeroes the hidden state, each {@link #act} feeds {@code h_in} with the previous step's
 * {@code h_out}, so the memory carries across the episodes of a trial.
 *
 * <p>
 * A step writes the {@link StepInput} into direct buffers through {@link Rl2Encoder} and runs the session with every
 * output pinned to direct buffers made once ({@link Rl2Tensors}): no tensor is created and nothing is copied per step;
 * what the ONNX Runtime Java API allocates itself in {@code OrtSession.run} (name and handle arrays, the
 * {@code Result}) remains.
 *
 * <p>
 * When any of logits/mean, {@code log_std}, {@code value} or {@code h_out} is not finite, {@link #act} returns false,
 * leaves {@code out} untouched and does not carry the poisoned {@code h_out}: the hidden state stays the last finite
 * one, so the next step runs from the memory the policy had before the fault.
 */
public final class OnnxPolicy implements Policy {

    private static final Logger log = LoggerFactory.getLogger(OnnxPolicy.class);

    private final OnnxModel model;
    private final EnvSpec spec;
    private final ActionSelection selection;
    private final Rl2Encoder encoder;
    private final ActionSampler sampler;
    private final Rl2Tensors tensors;
    private boolean closed;

    private OnnxPolicy(OnnxModel model, EnvSpec spec, String plugin, ActionSelection selection) {
        PolicyContract.checkEnvironment(model.metadata(), spec, plugin);
        if (!model.metadata().envId().equals(spec.id())) {
            log.info("policy {} was trained on '{}' and runs on '{}' of plugin '{}' (same spaces)", model.file(), model
                    .metadata().envId(), spec.id(), plugin);
        }
        this.model = model;
        this.spec = spec;
        this.selection = selection;
        this.encoder = new Rl2Encoder(spec);
        this.sampler = new ActionSampler(spec.actionSpace(), selection);
        try {
            this.tensors = new Rl2Tensors(model.metadata());
        } catch (OrtException e) {
            throw new PolicyException("cannot allocate the tensors of " + model.file() + ": " + SessionFactory
                    .ortMessage(e), e);
        }
        dryRun();
    }

    /**
     * Runs the graph once on an all-zero trial-start input, so errors that ONNX Runtime only finds when it executes (a
     * weight of the wrong shape inside the graph) refuse the policy here rather than at its first real step.
     */
    private void dryRun() {
        try {
            tensors.run(model.session());
            tensors.zeroHidden();
        } catch (OrtException e) {
            tensors.close();
            throw new PolicyException("the graph fails on a trial-start input (all zeros): " + SessionFactory
                    .ortMessage(e), e);
        }
    }

    /**
     * Opens {@code file} for the environment {@code spec} of plugin {@code plugin}.
     *
     * @throws PolicyException naming the file and both sides of a mismatch, before any step
     */
    public static OnnxPolicy open(Path file, PolicyOptions options, EnvSpec spec, String plugin) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(plugin, "plugin is null");
        OnnxModel model = OnnxModel.open(file, options);
        return create(model, spec, plugin, options.selection());
    }

    /**
     * Opens {@code file} without a plugin, for the spaces its own metadata names (benchmarks); episodes are assumed to
     * last {@code maxEpisodeSteps}.
     *
     * @throws PolicyException naming the file, when it is not a usable {@code rl2/1} model
     */
    public static OnnxPolicy openStandalone(Path file, PolicyOptions options, int maxEpisodeSteps) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(options, "options is null");
        OnnxModel model = OnnxModel.open(file, options);
        return create(model, model.metadata().toEnvSpec(maxEpisodeSteps), "(model metadata)", options.selection());
    }

    private static OnnxPolicy create(OnnxModel model, EnvSpec spec, String plugin,
            Optional<ActionSelection> requested) {
        try {
            return new OnnxPolicy(model, spec, plugin, model.metadata().selection(requested));
        } catch (PolicyException e) {
            model.close();
            throw new PolicyException("cannot use policy " + model.file() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model file's name. */
    @Override
    public String name() {
        Path name = model.file().getFileName();
        return name == null ? model.file().toString() : name.toString();
    }

    @Override
    public void beginTrial(Task task, long seed) {
        ensureOpen();
        tensors.zeroHidden();
        sampler.reseed(seed);
    }

    @Override
    public boolean act(StepInput input, Action out) {
        ensureOpen();
        encoder.encode(input, 0, tensors.obs, tensors.prevAction, tensors.prevReward, tensors.prevDone);
        try {
            tensors.run(model.session());
        } catch (OrtException e) {
            throw new PolicyException("policy " + model.file() + " failed to run a step: " + SessionFactory.ortMessage(
                    e), e);
        }
        if (!tensors.outputsFinite()) {
            return false;
        }
        tensors.commitHidden();
        sampler.select(tensors.actions, tensors.logStd, out);
        return true;
    }

    /** The policy file as it was opened. */
    public Path file() {
        return model.file();
    }

    /** Lower-case hex SHA-256 of the bytes the session was built from, for telemetry headers. */
    public String sha256() {
        return model.sha256();
    }

    /** What the model says about itself. */
    public PolicyMetadata metadata() {
        return model.metadata();
    }

    /** Where the session runs: {@link ExecutionDevice#CPU} or {@link ExecutionDevice#CUDA}, never AUTO. */
    public ExecutionDevice device() {
        return model.device();
    }

    /** The environment spec the policy was checked against and encodes inputs for. */
    public EnvSpec spec() {
        return spec;
    }

    /** How it acts: the user's choice, else its metadata's ({@link PolicyMetadata#selection}). */
    public ActionSelection selection() {
        return selection;
    }

    /** The current hidden state {@code [L*H]}, read-only; for diagnostics and tests, not for the step loop. */
    FloatBuffer hiddenState() {
        ensureOpen();
        return tensors.hiddenState();
    }

    /** Releases the tensors and the session; later calls to {@link #act} or {@link #beginTrial} throw. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tensors.close();
            model.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("policy " + name() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "OnnxPolicy[" + model.file() + " on " + model.device() + ", " + selection + "]";
    }
}
