package dev.metapilot.sim.train;

/**
 * A training run cannot go on or cannot start: a diverged update, a checkpoint that does not fit the configuration or
 * is damaged, a device that is not there. Thrown on the trainer's main thread; the message names what is wrong and,
 * where there is one, what to do about it.
 */
public final class TrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
