package dev.metapilot.sim.emulate;

import dev.metapilot.env.TaskFileException;
import dev.metapilot.locomotion.LocomotionTask;
import dev.metapilot.locomotion.TaskFileFormat;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.DynamicsParameter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where the emulated robot's dynamics come from: a locomotion task file (JSON, read with the locomotion plugin's own
 * {@link TaskFileFormat}, which checks every field and names the line and column of a bad one), one task of it by id or
 * the first; or {@code nominal} for {@link DriveDynamics#NOMINAL}. Read on the main thread before the emulator starts.
 *
 * @param dynamics the dynamics
 * @param source where they came from, for the console: {@code tasks.json, task 'loaded-uphill'}
 */
public record DynamicsFile(DriveDynamics dynamics, String source) {

    /** The keyword for the nominal robot. */
    public static final String NOMINAL = "nominal";

    public DynamicsFile {
        Objects.requireNonNull(dynamics, "dynamics is null");
        Objects.requireNonNull(source, "source is null");
    }

    /**
     * Reads {@code file}.
     *
     * @param taskId the task whose dynamics to use, or null for the file's first
     * @throws IllegalArgumentException for a bad file (with line and column) or an unknown task id (listing the ids)
     */
    public static DynamicsFile read(String file, String taskId) throws IOException {
        if (NOMINAL.equals(file)) {
            if (taskId != null) {
                throw new IllegalArgumentException("--task needs a task file, not '" + NOMINAL + "'");
            }
            return new DynamicsFile(DriveDynamics.NOMINAL, NOMINAL);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("dynamics file " + file + " does not exist; give a locomotion task file "
                    + "(JSON, see plugins/locomotion/examples/tasks.json) or '" + NOMINAL + "'");
        }
        List<LocomotionTask> tasks;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            tasks = new TaskFileFormat().readTasks(file, in);
        } catch (TaskFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        LocomotionTask task = taskId == null
                ? tasks.get(0)
                : tasks.stream().filter(t -> t.id().equals(taskId)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no task '" + taskId + "' in " + file
                                + "; its tasks: " + tasks.stream().map(LocomotionTask::id).collect(Collectors
                                        .joining(", "))));
        return new DynamicsFile(task.dynamics(), path.getFileName() + ", task '" + task.id() + "'");
    }

    /** The parameters on one line: {@code payload_kg=0 left_gain=1 ...}. */
    public String describeDynamics() {
        StringBuilder sb = new StringBuilder();
        for (DynamicsParameter p : DynamicsParameter.values()) {
            double v = p.of(dynamics);
            sb.append(sb.isEmpty() ? "" : " ").append(p.field()).append('=').append(v == Math.rint(v)
                    ? Long.toString((long) v)
                    : String.format(Locale.ROOT, "%s", v));
        }
        return sb.toString();
    }
}
