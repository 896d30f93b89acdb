package dev.metapilot.locomotion;

import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileException;
import dev.metapilot.env.TaskFileReader;
import dev.metapilot.locomotion.json.JsonParser;
import dev.metapilot.locomotion.json.JsonValue;
import dev.metapilot.locomotion.json.JsonValue.JsonArray;
import dev.metapilot.locomotion.json.JsonValue.JsonNumber;
import dev.metapilot.locomotion.json.JsonValue.JsonObject;
import dev.metapilot.locomotion.json.JsonValue.JsonString;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.DynamicsParameter;
import dev.metapilot.locomotion.tracking.DriveTarget;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Locomotion task files: JSON with a {@code tasks} array, each task an optional {@code id}, a {@code dynamics} object
 * with every {@link DynamicsParameter} by its field name, and a {@code target} object with {@code velocity_mps} and
 * {@code heading_deg}. Every field is checked (type, range, unknown or missing fields) and a problem is reported with
 * the file, line and column of the offending value and the field's name:
 * {@code tasks.json:4:18: field 'payload_kg' must be a number in [0, 20], got "heavy"}.
 *
 * <p>
 * The plugin's {@link TaskFileReader} ({@code --tasks FILE}), read once on the main thread before any trial; also used
 * by tools that write tasks ({@link #write}). Stateless.
 */
public final class TaskFileFormat implements TaskFileReader {

    /** Field of the target speed, m/s. */
    public static final String TARGET_VELOCITY = "velocity_mps";
    /** Field of the target heading, degrees. */
    public static final String TARGET_HEADING = "heading_deg";

    private static final List<String> TASK_FIELDS = List.of("id", "dynamics", "target");
    private static final List<String> TARGET_FIELDS = List.of(TARGET_VELOCITY, TARGET_HEADING);

    @Override
    public List<Task> read(String source, Reader in) throws TaskFileException, IOException {
        return List.copyOf(readTasks(source, in));
    }

    /** Reads every task of {@code in}, typed. */
    public List<LocomotionTask> readTasks(String source, Reader in) throws TaskFileException, IOException {
        JsonValue root = JsonParser.parse(source, in);
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        JsonObject file = object(source, "the file", root);
        Map<String, JsonValue.Member> fields = fields(source, file, "the file", List.of("tasks"));
        if (!(fields.get("tasks").value() instanceof JsonArray tasks)) {
            throw wrong(source, "tasks", fields.get("tasks").value(), "an array of tasks");
        }
        if (tasks.items().isEmpty()) {
            throw new TaskFileException(source, tasks.line(), tasks.column(), "field 'tasks' holds no task");
        }
        List<LocomotionTask> out = new ArrayList<>();
        Map<String, JsonValue> ids = new HashMap<>();
        for (int i = 0; i < tasks.items().size(); i++) {
            LocomotionTask task = task(source, name, i + 1, tasks.items().get(i));
            JsonValue first = ids.putIfAbsent(task.id(), tasks.items().get(i));
            if (first != null) {
                JsonValue at = tasks.items().get(i);
                throw new TaskFileException(source, at.line(), at.column(), "task id '" + task.id()
                        + "' is used twice (first at " + first.line() + ":" + first.column() + ")");
            }
            out.add(task);
        }
        return out;
    }

    private LocomotionTask task(String source, String name, int number, JsonValue value) throws TaskFileException {
        String what = "task " + number;
        JsonObject task = object(source, what, value);
        Map<String, JsonValue.Member> fields = fields(source, task, what, TASK_FIELDS, "id");
        String id = "locomotion-file-" + name + "-" + number;
        if (fields.containsKey("id")) {
            JsonValue v = fields.get("id").value();
            if (!(v instanceof JsonString s) || s.value().isBlank()) {
                throw wrong(source, "id", v, "a non-empty string");
            }
            id = s.value();
        }
        DriveDynamics dynamics = dynamics(source, object(source, "field 'dynamics'", fields.get("dynamics").value()));
        DriveTarget target = target(source, object(source, "field 'target'", fields.get("target").value()));
        return new LocomotionTask(id, "file", dynamics, target);
    }

    private DriveDynamics dynamics(String source, JsonObject object) throws TaskFileException {
        List<String> names = Arrays.stream(DynamicsParameter.values()).map(DynamicsParameter::field).toList();
        Map<String, JsonValue.Member> fields = fields(source, object, "dynamics", names);
        Map<DynamicsParameter, Double> values = new EnumMap<>(DynamicsParameter.class);
        for (DynamicsParameter p : DynamicsParameter.values()) {
            JsonValue v = fields.get(p.field()).value();
            String expected = (p.integer() ? "an integer" : "a number") + " in " + p.range();
            if (!(v instanceof JsonNumber n) || !p.accepts(n.value())) {
                throw wrong(source, p.field(), v, expected);
            }
            values.put(p, n.value() + 0.0); // -0 reads as 0, as write() writes it
        }
        return DriveDynamics.of(values);
    }

    private DriveTarget target(String source, JsonObject object) throws TaskFileException {
        Map<String, JsonValue.Member> fields = fields(source, object, "target", TARGET_FIELDS);
        double velocity = number(source, fields.get(TARGET_VELOCITY).value(), TARGET_VELOCITY,
                DriveTarget.MAX_VELOCITY);
        double heading = number(source, fields.get(TARGET_HEADING).value(), TARGET_HEADING, 180);
        return new DriveTarget(velocity, heading);
    }

    private static double number(String source, JsonValue v, String field, double bound) throws TaskFileException {
        if (!(v instanceof JsonNumber n) || !(Math.abs(n.value()) <= bound)) {
            throw wrong(source, field, v, "a number in [" + format(-bound) + ", " + format(bound) + "]");
        }
        return n.value() + 0.0;
    }

    private static JsonObject object(String source, String what, JsonValue v) throws TaskFileException {
        if (!(v instanceof JsonObject o)) {
            throw new TaskFileException(source, v.line(), v.column(), what + " must be an object, got "
                    + v.describe());
        }
        return o;
    }

    /**
     * The members of {@code object}, after checking that it has no field outside {@code allowed} and every allowed
     * field except the {@code optional} ones.
     */
    private static Map<String, JsonValue.Member> fields(String source, JsonObject object, String what,
            List<String> allowed, String... optional) throws TaskFileException {
        for (JsonValue.Member m : object.members().values()) {
            if (!allowed.contains(m.name())) {
                throw new TaskFileException(source, m.line(), m.column(), "unknown field '" + m.name() + "' in "
                        + what + "; valid: " + String.join(", ", allowed));
            }
        }
        for (String field : allowed) {
            if (!object.members().containsKey(field) && !Arrays.asList(optional).contains(field)) {
                throw new TaskFileException(source, object.line(), object.column(), "missing field '" + field
                        + "' in " + what);
            }
        }
        return object.members();
    }

    private static TaskFileException wrong(String source, String field, JsonValue v, String expected) {
        return new TaskFileException(source, v.line(), v.column(), "field '" + field + "' must be " + expected
                + ", got " + v.describe());
    }

    /**
     * Writes {@code tasks} in this format, ids included; {@link #readTasks} gives the same tasks back (with source
     * {@code file}).
     */
    public static String write(List<LocomotionTask> tasks) {
        StringBuilder sb = new StringBuilder("{\n  \"tasks\": [\n");
        for (int i = 0; i < tasks.size(); i++) {
            LocomotionTask t = tasks.get(i);
            sb.append("    {\n      \"id\": ").append(new JsonString(t.id(), 0, 0).describe()).append(",\n");
            sb.append("      \"dynamics\": {\n");
            sb.append(Arrays.stream(DynamicsParameter.values())
                    .map(p -> "        \"" + p.field() + "\": " + format(p.of(t.dynamics())))
                    .collect(Collectors.joining(",\n")));
            sb.append("\n      },\n      \"target\": {\"").append(TARGET_VELOCITY).append("\": ")
                    .append(format(t.target().velocity())).append(", \"").append(TARGET_HEADING).append("\": ")
                    .append(format(t.target().headingDegrees())).append("}\n    }");
            sb.append(i + 1 < tasks.size() ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    /** The shortest decimal that reads back as exactly {@code value}, without exponent or needless zeros. */
    static String format(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }
}
