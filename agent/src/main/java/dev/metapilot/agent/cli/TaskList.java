package dev.metapilot.agent.cli;

import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileException;
import dev.metapilot.env.TaskFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of a run, one per trial, as {@code run} and {@code trial} take them: from a task file in the plugin's
 * format (repeated in turn when more trials are asked for), or drawn from a split with seeds
 * {@code seed, seed + 1, ...}. Used by the commands on the main thread; stateless.
 */
final class TaskList {

    private TaskList() {}

    /**
     * @param env the plugin's name, for messages
     * @param tasksFile the task file, or null to draw from {@code split}
     * @param trials how many trials, or null for {@code defaultTrials} (drawn) or every task of the file
     * @throws IllegalArgumentException for a bad split, a bad file (with its line and column), no tasks or no trials
     */
    static List<Task> of(EnvironmentFactory factory, String env, Path tasksFile, String split, Integer trials,
            int defaultTrials, long seed) throws Exception {
        if (trials != null && trials < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
        }
        if (tasksFile == null) {
            Split s = Split.parse(split);
            int n = trials != null ? trials : defaultTrials;
            List<Task> list = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                list.add(factory.tasks().sample(s, seed + t));
            }
            return list;
        }
        TaskFileReader reader = factory.taskFileReader().orElseThrow(() -> new IllegalArgumentException("plugin '"
                + env + "' has no task file format; drop --tasks"));
        List<Task> fromFile;
        try {
            fromFile = reader.read(tasksFile);
        } catch (TaskFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (fromFile.isEmpty()) {
            throw new IllegalArgumentException(tasksFile + " holds no tasks");
        }
        int n = trials != null ? trials : fromFile.size();
        List<Task> list = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            list.add(fromFile.get(t % fromFile.size()));
        }
        return list;
    }
}
