package dev.metapilot.env;

import java.util.Map;

/**
 * One MDP drawn from a plugin's task distribution: a maze layout and goal, bandit arm probabilities, robot dynamics and
 * a target.
 *
 * <p>
 * Created by a {@link TaskDistribution} or a {@link TaskFileReader} on the caller's thread; handed to
 * {@link Environment#setTask} at the start of a trial and to baselines that are allowed to know it (an oracle).
 * Immutable. On real hardware a task is partly unknown: it holds only what the operator configured.
 */
public interface Task {

    /** A short stable id for logs, for example {@code maze-small-test-17}. */
    String id();

    /**
     * The task's parameters as plain values (numbers, strings, booleans, arrays or lists of them) for telemetry headers
     * and logs; keys in a stable order.
     */
    default Map<String, Object> properties() {
        return Map.of();
    }
}
