package dev.metapilot.locomotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileException;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.tracking.DriveTarget;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TaskFileFormatTest {

    private final TaskFileFormat format = new TaskFileFormat();

    /** One valid task: line 4 holds payload_kg with its value at column 18. */
    private static final String VALID = """
            {
              "tasks": [
                {"id": "a", "dynamics": {
               "payload_kg": 1.5,
                  "left_gain": 0.9, "right_gain": 1.1, "deadband": 0.05, "motor_lag_s": 0.04,
                  "latency_ticks": 1, "rolling_friction": 0.02, "slope_deg": -3,
                  "gyro_bias": 0.01, "accel_bias": -0.1
                }, "target": {"velocity_mps": 0.3, "heading_deg": 45}}
              ]
            }
            """;

    private List<LocomotionTask> read(String text) throws Exception {
        return format.readTasks("tasks.json", new StringReader(text));
    }

    private void rejects(String text, String message) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(TaskFileException.class).hasMessage(message);
    }

    @Example
    void readsAValidTask() throws Exception {
        LocomotionTask t = read(VALID).get(0);
        assertThat(t.id()).isEqualTo("a");
        assertThat(t.source()).isEqualTo("file");
        assertThat(t.dynamics()).isEqualTo(new DriveDynamics(1.5, 0.9, 1.1, 0.05, 0.04, 1, 0.02, -3, 0.01, -0.1));
        assertThat(t.target()).isEqualTo(new DriveTarget(0.3, 45));
    }

    @Example
    void theExampleFileReadsThroughThePluginsReader() throws Exception {
        List<Task> tasks = new LocomotionPlugin().configureDefaults().taskFileReader().orElseThrow()
                .read(Path.of("examples/tasks.json"));
        assertThat(tasks).extracting(Task::id).containsExactly("nominal-straight", "loaded-uphill-pulling-left",
                "turn-around-downhill");
        LocomotionTask loaded = (LocomotionTask) tasks.get(1);
        assertThat(loaded.regime()).isEqualTo("out-of-range");
        assertThat(loaded.dynamics().latencyTicks()).isEqualTo(2);
        assertThat(((LocomotionTask) tasks.get(2)).target().headingDegrees()).isEqualTo(180);
    }

    @Property(tries = 50)
    void writtenTasksReadBackUnchanged(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll Split split, @ForAll TargetFamily family, @ForAll @IntRange(min = 1, max = 4) int count)
            throws Exception {
        List<LocomotionTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(new LocomotionTasks(family).sample(split, seed + i));
        }
        List<LocomotionTask> back = read(TaskFileFormat.write(tasks));
        assertThat(back).hasSameSizeAs(tasks);
        for (int i = 0; i < count; i++) {
            assertThat(back.get(i).id()).isEqualTo(tasks.get(i).id());
            assertThat(back.get(i).dynamics()).isEqualTo(tasks.get(i).dynamics());
            assertThat(back.get(i).target()).isEqualTo(tasks.get(i).target());
            assertThat(back.get(i).regime()).isEqualTo(tasks.get(i).regime());
        }
    }

    @Example
    void minusZeroReadsAsZeroSoATaskWritesBackAsItWasRead() throws Exception {
        LocomotionTask t = read(VALID.replace("\"deadband\": 0.05", "\"deadband\": -0").replace("\"heading_deg\": 45",
                "\"heading_deg\": -0.0")).get(0);
        assertThat(Double.doubleToRawLongBits(t.dynamics().deadband())).isZero();
        assertThat(Double.doubleToRawLongBits(t.target().headingDegrees())).isZero();
        assertThat(read(TaskFileFormat.write(List.of(t)))).containsExactly(t);
    }

    @Example
    void tasksWithoutIdAreNumberedAfterTheFile() throws Exception {
        List<Task> tasks = format.read("dir/my.json", new StringReader(VALID.replace("\"id\": \"a\", ", "")));
        assertThat(tasks.get(0).id()).isEqualTo("locomotion-file-my.json-1");
    }

    @Example
    void aSyntaxErrorIsReportedWhereItIs() {
        rejects(VALID.replace("1.5,", "1.5"), "tasks.json:5:7: expected ',' or '}', got '\"'");
    }

    @Example
    void aWrongTypeNamesTheFieldAndWhatItGot() {
        rejects(VALID.replace("1.5", "\"heavy\""),
                "tasks.json:4:18: field 'payload_kg' must be a number in [0, 20], got \"heavy\"");
        rejects(VALID.replace("\"heading_deg\": 45", "\"heading_deg\": [45]"),
                "tasks.json:8:55: field 'heading_deg' must be a number in [-180, 180], got an array");
        rejects(VALID.replace("\"id\": \"a\"", "\"id\": 7"), "tasks.json:3:12: field 'id' must be a non-empty string, "
                + "got 7");
    }

    @Example
    void anOutOfRangeValueNamesTheFieldAndTheRange() {
        rejects(VALID.replace("1.5", "25"), "tasks.json:4:18: field 'payload_kg' must be a number in [0, 20], got 25");
        rejects(VALID.replace("\"latency_ticks\": 1", "\"latency_ticks\": 1.5"),
                "tasks.json:6:24: field 'latency_ticks' must be an integer in [0, 10], got 1.5");
        rejects(VALID.replace("0.3", "1.2"),
                "tasks.json:8:35: field 'velocity_mps' must be a number in [-1, 1], got 1.2");
        rejects(VALID.replace("\"motor_lag_s\": 0.04", "\"motor_lag_s\": 0"),
                "tasks.json:5:77: field 'motor_lag_s' must be a number in [0.001, 1], got 0");
    }

    @Example
    void aMissingFieldIsNamedAtItsObject() {
        rejects(VALID.replace("\"slope_deg\": -3,", ""),
                "tasks.json:3:29: missing field 'slope_deg' in dynamics");
        rejects(VALID.replace("\"heading_deg\": 45", "\"velocity\": 1").replace("\"velocity_mps\": 0.3, ", ""),
                "tasks.json:8:19: unknown field 'velocity' in target; valid: velocity_mps, heading_deg");
        rejects(VALID.replace(", \"heading_deg\": 45", ""), "tasks.json:8:18: missing field 'heading_deg' in target");
        rejects("{}", "tasks.json:1:1: missing field 'tasks' in the file");
    }

    @Example
    void anUnknownFieldIsNamedAtItsKey() {
        rejects(VALID.replace("\"payload_kg\"", "\"payload\""),
                "tasks.json:4:4: unknown field 'payload' in dynamics; valid: payload_kg, left_gain, right_gain, "
                        + "deadband, motor_lag_s, latency_ticks, rolling_friction, slope_deg, gyro_bias, accel_bias");
        rejects(VALID.replace("\"tasks\"", "\"version\": 1, \"tasks\""),
                "tasks.json:2:3: unknown field 'version' in the file; valid: tasks");
    }

    @Example
    void theFileMustHoldAtLeastOneTaskWithUniqueIds() {
        rejects("{\"tasks\": []}", "tasks.json:1:11: field 'tasks' holds no task");
        rejects("[]", "tasks.json:1:1: the file must be an object, got an array");
        rejects("{\"tasks\": {}}", "tasks.json:1:11: field 'tasks' must be an array of tasks, got an object");
        rejects("{\"tasks\": [3]}", "tasks.json:1:12: task 1 must be an object, got 3");
        String two = VALID.replace("}}\n", "}},\n" + VALID.substring(VALID.indexOf("{\"id\""),
                VALID.indexOf("}}") + 2) + "\n");
        rejects(two, "tasks.json:9:1: task id 'a' is used twice (first at 3:5)");
    }
}
