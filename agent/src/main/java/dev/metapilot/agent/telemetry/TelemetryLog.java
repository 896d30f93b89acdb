package dev.metapilot.agent.telemetry;

import dev.metapilot.agent.trial.EpisodeListener;
import dev.metapilot.agent.trial.EpisodeRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSONL log of one run: a header line (policies with their file hashes and metadata, plugin, configuration, seed),
 * then one line per episode, each written and flushed when the episode ends, so that killing the process loses at most
 * the episode that was running. A last {@code end} line marks a run that finished.
 *
 * <p>
 * Created by the {@code run} command on the main thread and fed by the trial runner on the same thread.
 */
public final class TelemetryLog implements EpisodeListener, AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private int episodes;

    private TelemetryLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates {@code file} (never overwrites) and writes the header.
     *
     * @param header the run's description; written under {@code "type":"header"}
     */
    public static TelemetryLog create(Path file, Map<String, ?> header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        TelemetryLog log = new TelemetryLog(file, out);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "header");
        line.putAll(header);
        log.writeLine(line);
        return log;
    }

    public Path file() {
        return file;
    }

    @Override
    public void episodeEnded(EpisodeRecord r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "episode");
        line.put("policy", r.policy());
        line.put("trial", r.trial());
        line.put("episode", r.episode());
        line.put("task", r.taskId());
        line.put("steps", r.steps());
        line.put("return", r.totalReturn());
        line.put("success", r.success());
        line.put("faults", r.faults());
        line.put("end", r.end().name().toLowerCase(java.util.Locale.ROOT));
        writeLine(line);
        episodes++;
    }

    /** Writes a free-form event line (a policy starting, a fault explained). */
    public void event(String type, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", type);
        line.putAll(fields);
        writeLine(line);
    }

    private void writeLine(Map<String, ?> line) {
        try {
            out.write(Json.write(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write telemetry to " + file, e);
        }
    }

    /** Writes the {@code end} line and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("type", "end");
            end.put("episodes", episodes);
            writeLine(end);
        } finally {
            out.close();
        }
    }
}
