package dev.metapilot.locomotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileException;
import dev.metapilot.env.TaskFileReader;
import dev.metapilot.env.testing.FuzzCount;
import dev.metapilot.env.testing.ScratchDirectory;
import dev.metapilot.env.testing.TaskFileMutation;
import dev.metapilot.env.testing.TaskFilePlace;
import dev.metapilot.locomotion.json.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the locomotion task file reader ({@code --tasks FILE}: the strict JSON parser and the task reader) through the
 * plugin's {@link TaskFileReader}, from disk as the agent reads it: written task files damaged by
 * {@link TaskFileMutation}s (byte flips, truncation, lines deleted, repeated and inserted, a number, string or literal
 * replaced by a huge number, NaN, a wrong type, another field's name, deep nesting or odd unicode; half of them keep
 * the JSON well-formed), and random JSON documents and text. Each file either reads as valid tasks (unique ids, every
 * value in range) that write back unchanged, or is refused with a {@link TaskFileException} whose place lies inside the
 * file and, when the file is well-formed JSON, that names the field, task or file at fault; never another exception,
 * never more than a few seconds. Tries per property: {@code locomotion.fuzz.files} (400 and 200 per build).
 */
class TaskFileFuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Pattern TOKEN = Pattern.compile(
            "-?\\d++(\\.\\d++)?([eE][+-]?\\d++)?|\"[^\"\\\\\n]*+(?:\\\\.[^\"\\\\\n]*+)*+\"|true|false|null");
    private static final List<String> FIELDS = List.of("tasks", "id", "dynamics", "target", "payload_kg", "left_gain",
            "right_gain", "deadband", "motor_lag_s", "latency_ticks", "rolling_friction", "slope_deg", "gyro_bias",
            "accel_bias", "velocity_mps", "heading_deg", "payload_\\u006bg", "velocity");
    private static Path dir;

    @BeforeContainer
    static void directory() throws IOException {
        dir = ScratchDirectory.create("locomotion-fuzz");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        ScratchDirectory.delete(dir);
    }

    @Provide
    Arbitrary<String> validFiles() throws IOException {
        String example = Files.readString(Path.of("examples/tasks.json"));
        Arbitrary<String> written = Arbitraries.longs().between(0, 1_000_000).flatMap(seed -> Arbitraries.of(
                TargetFamily.values()).flatMap(family -> Arbitraries.integers().between(1, 4).map(n -> {
                    List<LocomotionTask> tasks = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        tasks.add(new LocomotionTasks(family).sample(i % 2 == 0 ? Split.TRAIN : Split.TEST, seed + i));
                    }
                    return TaskFileFormat.write(tasks);
                })));
        return Arbitraries.oneOf(written, written.map(t -> t.replaceAll("\\s+", "")), Arbitraries.just(example));
    }

    @Provide
    Arbitrary<TaskFileMutation> mutations() {
        List<String> fragments = new ArrayList<>(List.of("\"x\"", "true", "null", "[]", "{}", "[1,2]", "1.5", "-3",
                "25", "0.001", "1e2", "0.1e-1", "\"\\ud800\"", "\"\\u0000\"", "\"\\u\"", "\"\\q\"", "//", "/* */",
                ",", ":", "1,", "\"id\": \"same\"", "[".repeat(70) + "]".repeat(70), "{\"tasks\": []}"));
        FIELDS.forEach(f -> fragments.add("\"" + f + "\""));
        List<String> values = new ArrayList<>(List.of("\"x\"", "\"\"", "true", "null", "[]", "{}", "[1,2]", "1.5",
                "-3", "25", "0.001", "0", "-0", "1e2", "1e400", "1" + "0".repeat(400), "5e-324",
                "123456789012345678901234567890", "\"\\ud800\"", "\"é😀\"", "{\"a\": 1}", "[".repeat(70) + "]"
                        .repeat(70)));
        FIELDS.forEach(f -> values.add("\"" + f + "\""));
        return Arbitraries.oneOf(TaskFileMutation.arbitrary(TOKEN, fragments), TaskFileMutation.tokens(TOKEN,
                values));
    }

    @Property
    @FuzzCount(property = "locomotion.fuzz.files", value = 400)
    void aDamagedTaskFileReadsAsValidTasksOrIsRefusedAtItsPlace(@ForAll("validFiles") String valid,
            @ForAll("mutations") TaskFileMutation mutation) throws IOException {
        check(mutation.apply(valid));
    }

    @Provide
    Arbitrary<String> randomDocuments() {
        return Arbitraries.oneOf(Arbitraries.longs().map(seed -> randomJson(new SplittableRandom(seed), 0)),
                Arbitraries.strings().withChars("{}[]\",:0123456789.-+eE truefalsn\n\\u").ofMaxLength(300));
    }

    @Property
    @FuzzCount(property = "locomotion.fuzz.files", value = 200)
    void aRandomDocumentReadsAsValidTasksOrIsRefusedAtItsPlace(@ForAll("randomDocuments") String text)
            throws IOException {
        check(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A random JSON value shaped like a task file, with the real field names, wrong types and odd numbers. */
    private static String randomJson(SplittableRandom random, int depth) {
        int kind = depth > 5 ? 2 + random.nextInt(4) : random.nextInt(depth == 0 ? 2 : 6);
        return switch (kind) {
            case 0 -> {
                List<String> members = new ArrayList<>();
                for (int i = random.nextInt(depth < 2 ? 4 : 12); i > 0; i--) {
                    members.add("\"" + FIELDS.get(random.nextInt(FIELDS.size())) + "\": " + randomJson(random, depth
                            + 1));
                }
                yield "{" + String.join(", ", members) + "}";
            }
            case 1 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(randomJson(random, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case 2 -> List.of("0", "1", "-1", "0.5", "1e3", "1e-3", "180", "-180.0", "20", "1e308", "5e-324",
                    "123456789012345678901234567890").get(random.nextInt(12));
            case 3 -> Double.toString(random.nextDouble(-40, 40)).replace("E", "e");
            case 4 -> List.of("\"\"", "\" \"", "\"a\"", "\"é😀\"", "\"\\u00e9\\n\"").get(random.nextInt(5));
            default -> List.of("true", "false", "null").get(random.nextInt(3));
        };
    }

    private static void check(byte[] bytes) throws IOException {
        TaskFileReader reader = new LocomotionPlugin().configureDefaults().taskFileReader().orElseThrow();
        Path file = dir.resolve("tasks.json");
        Files.write(file, bytes);
        Object outcome = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return reader.read(file);
            } catch (TaskFileException e) {
                return e;
            }
        });
        if (outcome instanceof TaskFileException e) {
            TaskFilePlace.assertInside(e, file.toString(), bytes);
            if (wellFormed(bytes)) {
                Statistics.collect("refused: JSON, not tasks");
                assertThat(e.getMessage()).as("names what is at fault").containsAnyOf("field '", "task ", "the file");
            } else {
                Statistics.collect("refused: not JSON");
            }
            return;
        }
        Statistics.collect("read");
        @SuppressWarnings("unchecked")
        List<Task> tasks = (List<Task>) outcome;
        assertThat(tasks).isNotEmpty();
        List<LocomotionTask> typed = new ArrayList<>();
        for (Task t : tasks) {
            typed.add((LocomotionTask) t);
        }
        assertThat(new HashSet<>(typed.stream().map(LocomotionTask::id).toList())).hasSameSizeAs(typed);
        try {
            List<LocomotionTask> back = new TaskFileFormat().readTasks("again.json", new StringReader(TaskFileFormat
                    .write(typed)));
            assertThat(back).containsExactlyElementsOf(typed.stream().map(t -> new LocomotionTask(t.id(), "file", t
                    .dynamics(), t.target())).toList());
        } catch (TaskFileException e) {
            throw new AssertionError("tasks read from a file do not read back: " + e.getMessage(), e);
        }
    }

    private static boolean wellFormed(byte[] bytes) {
        try {
            JsonParser.parse("f", StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
            return true;
        } catch (TaskFileException | java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
