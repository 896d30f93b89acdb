package dev.metapilot.agent.policy;

/**
 * A policy file that cannot be used: it is missing, not ONNX, breaks the {@code rl2/1} contract, or does not fit the
 * chosen plugin. Thrown on the main thread while a policy is opened, before any step; the message names the file and
 * both sides of a mismatch, and the launcher prints it and exits non-zero.
 */
public final class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
