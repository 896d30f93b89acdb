package dev.metapilot.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code metapilot run} in a child JVM on a slowed-down environment, kills it (SIGKILL) in the middle of a
 * trial, and checks that the log parses line by line and holds every episode that had finished.
 */
class KilledRunLogTest {

    private static final Pattern EPISODE = Pattern.compile(
            "\\{\"type\":\"episode\",\"policy\":\"random\",\"trial\":(\\d+),\"episode\":(\\d+),.*\\}");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLosesAtMostTheRunningEpisode() throws Exception {
        Path logs = tmp.resolve("logs");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--env", "classpath-demo", "--env-config", "step-delay-ms=2", "--policy", "random",
                "--trials", "1000", "--log", logs.toString()).redirectErrorStream(true).redirectOutput(tmp
                        .resolve(
                                "child.out")
                        .toFile())
                .start();
        try {
            Path log = waitForEpisodes(logs, 12, Duration.ofSeconds(60));
            child.destroyForcibly().waitFor();
            List<String> lines = Files.readAllLines(log);
            assertThat(lines.get(0)).startsWith("{\"type\":\"header\"").contains("\"classpath-demo\"");
            int expectedTrial = 0;
            int expectedEpisode = 0;
            int episodes = 0;
            for (String line : lines.subList(1, lines.size())) {
                Matcher m = EPISODE.matcher(line);
                assertThat(m.matches()).as("complete episode line: %s", line).isTrue();
                assertThat(Integer.parseInt(m.group(1))).isEqualTo(expectedTrial);
                assertThat(Integer.parseInt(m.group(2))).isEqualTo(expectedEpisode);
                expectedEpisode = (expectedEpisode + 1) % 2;
                expectedTrial += expectedEpisode == 0 ? 1 : 0;
                episodes++;
            }
            assertThat(episodes).isGreaterThanOrEqualTo(12);
            assertThat(lines).noneMatch(l -> l.contains("\"type\":\"end\""));
        } finally {
            child.destroyForcibly();
        }
    }

    private static Path waitForEpisodes(Path dir, int episodes, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        if (count(f) >= episodes) {
                            return f;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child wrote fewer than " + episodes + " episodes in " + timeout);
    }

    private static long count(Path f) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        return lines.stream().filter(l -> l.contains("\"type\":\"episode\"")).count();
    }
}
