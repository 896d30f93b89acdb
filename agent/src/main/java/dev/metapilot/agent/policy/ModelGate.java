package dev.metapilot.agent.policy;

import java.nio.file.Path;

/**
 * A check a model file's bytes must pass before ONNX Runtime sees them: a trusted signature, a manifest checksum. The
 * bytes checked are the bytes loaded, so a file swapped after the check is never run. Called on the thread that opens
 * the policy.
 */
@FunctionalInterface
public interface ModelGate {

    /** Admits every file. */
    ModelGate OPEN = (file, bytes) -> {};

    /**
     * @throws PolicyException naming the file and why it is refused
     */
    void admit(Path file, byte[] bytes);

    /** This gate, then {@code next}. */
    default ModelGate and(ModelGate next) {
        return (file, bytes) -> {
            admit(file, bytes);
            next.admit(file, bytes);
        };
    }
}
