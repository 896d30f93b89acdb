package dev.metapilot.robot.io;

/**
 * Waits for the operator between episodes (a button on the robot, the Enter key on the console), so that the robot can
 * be put back by hand; called by the environment's control thread in {@code reset}, with the motors stopped.
 */
@FunctionalInterface
public interface OperatorGate {

    /** The gate that never waits. */
    OperatorGate NONE = prompt -> {};

    /**
     * Returns once the operator has acted after this call began (a press held from before does not count).
     *
     * @param prompt what the operator is asked, for example {@code "robot at rest: press the button for episode 2"}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void await(String prompt) throws InterruptedException;
}
