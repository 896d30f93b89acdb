package dev.metapilot.robot;

/**
 * Decides that the robot is at rest: each wheel travelled less than {@code settleSpeed · settleSeconds} since a
 * reference point at least {@code settleSeconds} old. Travel beyond that moves the reference to the present, so the
 * robot must stay within the budget for a whole window. Working on travel rather than speeds makes it immune to the
 * encoder's quantisation (one count is well under the budget with the defaults).
 *
 * <p>
 * Owned by the environment's control thread; allocation-free.
 */
final class StillnessDetector {

    private final double budget;
    private final long windowNanos;
    private boolean started;
    private long startNanos;
    private double startLeft;
    private double startRight;

    /**
     * @param settleSpeed m/s
     * @param settleSeconds s
     */
    StillnessDetector(double settleSpeed, double settleSeconds) {
        this.budget = settleSpeed * settleSeconds;
        this.windowNanos = Math.round(settleSeconds * 1e9);
    }

    /** Forgets the reference. */
    void restart() {
        started = false;
    }

    /**
     * Accounts for the wheel positions at {@code nowNanos}.
     *
     * @return true when the robot has been at rest for a whole window
     */
    boolean update(double leftPosition, double rightPosition, long nowNanos) {
        if (!started || Math.abs(leftPosition - startLeft) > budget || Math.abs(rightPosition - startRight) > budget) {
            started = true;
            startNanos = nowNanos;
            startLeft = leftPosition;
            startRight = rightPosition;
            return false;
        }
        return nowNanos - startNanos >= windowNanos;
    }
}
