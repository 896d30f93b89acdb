package dev.metapilot.agent.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * How to open and drive an ONNX policy: execution device, intra-op threads and action selection. Built from the command
 * line on the main thread.
 *
 * @param device where ONNX Runtime executes the graph
 * @param intraOpThreads threads ONNX Runtime may use inside one step (1 = the calling thread only, no thread pool)
 * @param selection sampled or greedy actions, or empty for what each model's metadata says
 *     ({@link PolicyMetadata#selection})
 * @param gate what a model file must pass before a session is created on it (signature, manifest checksum)
 */
public record PolicyOptions(ExecutionDevice device, int intraOpThreads, Optional<ActionSelection> selection,
        ModelGate gate) {

    public PolicyOptions {
        Objects.requireNonNull(device, "device is null");
        Objects.requireNonNull(selection, "selection is null");
        Objects.requireNonNull(gate, "gate is null");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
        }
    }

    /** Options that admit every model file and act with {@code selection} whatever the model says. */
    public PolicyOptions(ExecutionDevice device, int intraOpThreads, ActionSelection selection) {
        this(device, intraOpThreads, Optional.of(selection), ModelGate.OPEN);
    }

    public PolicyOptions withGate(ModelGate gate) {
        return new PolicyOptions(device, intraOpThreads, selection, gate);
    }

    /** CPU, one intra-op thread, the action selection each model's metadata names (sampled when none). */
    public static PolicyOptions defaults() {
        return new PolicyOptions(ExecutionDevice.CPU, 1, Optional.empty(), ModelGate.OPEN);
    }

    public PolicyOptions withDevice(ExecutionDevice device) {
        return new PolicyOptions(device, intraOpThreads, selection, gate);
    }

    public PolicyOptions withIntraOpThreads(int threads) {
        return new PolicyOptions(device, threads, selection, gate);
    }

    public PolicyOptions withSelection(ActionSelection selection) {
        return new PolicyOptions(device, intraOpThreads, Optional.of(selection), gate);
    }
}
