package dev.metapilot.env;

/**
 * An environment that moves real actuators (a robot's motors), stepped by the agent's fixed-rate real-time loop.
 *
 * <p>
 * {@link #step} writes the command and returns at once with the latest sensor inputs (it never waits for the next
 * period: the loop keeps time). Before each step the loop reads {@link #health()}; when it reports a fault, or when the
 * loop misses its deadlines, the loop calls {@link #safeStop()} instead of stepping. The loop also calls
 * {@code safeStop()} on every exit path (normal end, exception, signal, lost link), so it must be idempotent and safe
 * to call from any thread, including a shutdown hook, at any moment.
 */
public interface ActuatedEnvironment extends Environment {

    /** Commands every actuator to zero (or its safe state) now; idempotent, thread-safe, never throws. */
    void safeStop();

    /** The health of the sensors, link and e-stop at this moment; cheap, called once per control period. */
    HardwareHealth health();
}
