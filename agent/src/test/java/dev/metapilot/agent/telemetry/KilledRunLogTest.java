package dev.metapilot.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.env.testing.ChildJvm;
import dev.metapilot.env.testing.FuzzCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code metapilot run} in a child JVM on a slowed-down environment and kills it (SIGKILL) at a seeded random
 * moment of a trial, {@value #KILLS_PROPERTY} times (3 per build), each time checking that the log parses line by line
 * and holds every episode that had finished.
 */
class KilledRunLogTest {

    static final String KILLS_PROPERTY = "agent.fuzz.kills";
    private static final int KILLS = FuzzCount.Tries.of(KILLS_PROPERTY, 3);
    private static final Pattern EPISODE = Pattern.compile(
            "\\{\"type\":\"episode\",\"policy\":\"random\",\"trial\":(\\d+),\"episode\":(\\d+),.*\\}");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLosesAtMostTheRunningEpisode() throws Exception {
        SplittableRandom random = new SplittableRandom(20240611L);
        for (int kill = 1; kill <= KILLS; kill++) {
            Path logs = tmp.resolve("logs-" + kill);
            int before = 1 + random.nextInt(12);
            try (ChildJvm child = ChildJvm.start(Main.class, List.of(), tmp.resolve("child-" + kill + ".out"), "run",
                    "--env", "classpath-demo", "--env-config", "step-delay-ms=2", "--policy", "random", "--trials",
                    "1000", "--log", logs.toString())) {
                Path log = waitForEpisodes(child, logs, before, Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(40));
                child.kill();
                checkLog(log, before);
            }
        }
    }

    private static void checkLog(Path log, int atLeast) throws IOException {
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
        assertThat(episodes).isGreaterThanOrEqualTo(atLeast);
        assertThat(lines).noneMatch(l -> l.contains("\"type\":\"end\""));
    }

    private static Path waitForEpisodes(ChildJvm child, Path dir, int episodes, Duration timeout) throws Exception {
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
            assertThat(child.isAlive()).as("the child ended early: %s", child.output()).isTrue();
            Thread.sleep(5);
        }
        throw new AssertionError("the child wrote fewer than " + episodes + " episodes in " + timeout + ": " + child
                .output());
    }

    private static long count(Path f) throws IOException {
        return Files.readAllLines(f).stream().filter(l -> l.contains("\"type\":\"episode\"")).count();
    }
}
