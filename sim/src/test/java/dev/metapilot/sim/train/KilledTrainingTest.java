package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.env.testing.ChildJvm;
import dev.metapilot.env.testing.FuzzCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training survives SIGKILL at any moment: {@code metapilot train} runs in a child JVM on a small bandit with a
 * checkpoint after every update, is killed at seeded random moments ({@value #KILLS_PROPERTY}, 10 per build: a quarter
 * early in the child's life, a quarter as soon as a checkpoint write begins, the rest anywhere in the training loop)
 * and resumed with {@code --resume} each time. After every kill the checkpoint reads back CRC-valid and is the last one
 * seen before the kill or a newer one; the finished run has bitwise the parameters, optimiser state, observation
 * statistics, environment slots and exported model of the same run done in one go, and every update's metrics line that
 * was written equals the uninterrupted run's.
 */
class KilledTrainingTest {

    static final String KILLS_PROPERTY = "sim.fuzz.kills";
    private static final int KILLS = FuzzCount.Tries.of(KILLS_PROPERTY, 10);
    private static final long SEED = 20261124L;
    /** Enough updates that the killed run cannot finish before its last kill: each life advances a few updates. */
    private static final int UPDATES = 10 * KILLS + 40;
    private static final int STEPS_PER_UPDATE = 8 * 5;
    /** Metrics that depend only on the computation, not on timing or on what the process saw since it started. */
    private static final List<String> COMPUTED = List.of("env_steps", "policy_loss", "value_loss", "entropy",
            "approx_kl", "clip_fraction", "grad_norm", "trials", "mean_trial_return");
    private static final Pattern UPDATE = Pattern.compile("\"update\":(\\d+)");

    @TempDir
    Path tmp;

    private int childNumber;

    @Test
    void aRunKilledAtRandomMomentsResumesToBitwiseTheUninterruptedRun() throws Exception {
        Path whole = tmp.resolve("whole");
        long firstCheckpointMillis;
        try (ChildJvm child = train(whole, false)) {
            long start = System.nanoTime();
            awaitProgress(child, whole.resolve(CheckpointFile.NAME), 0);
            firstCheckpointMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(child.awaitExit(300)).as(child.output()).isZero();
        }
        Checkpoint reference = CheckpointFile.read(whole.resolve(CheckpointFile.NAME));
        assertThat(reference.update()).isEqualTo(UPDATES);
        long updateMillis = Math.max(5, Math.round(1000 * reference.wallSeconds() / UPDATES));

        Path killed = tmp.resolve("killed");
        Path file = killed.resolve(CheckpointFile.NAME);
        SplittableRandom random = new SplittableRandom(SEED);
        int seen = 0;
        int midWrite = 0;
        int early = 0;
        int aimedAtWrite = 0;
        long started = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            try (ChildJvm child = train(killed, seen > 0)) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        // anywhere early in the child's life: start-up, reading the checkpoint, the first updates
                        // (bounded by what start-up took in the reference run, so that a fast machine does not
                        // finish the run before the last kill)
                        Thread.sleep(random.nextLong(firstCheckpointMillis + 3 * updateMillis));
                        early++;
                    }
                    case 1 -> {
                        // as soon as a checkpoint write has begun
                        seen = awaitProgress(child, file, seen);
                        awaitWrite(child, killed.resolve(CheckpointFile.NAME + ".tmp"));
                        aimedAtWrite++;
                    }
                    default -> {
                        // anywhere in the training loop
                        seen = awaitProgress(child, file, seen);
                        Thread.sleep(random.nextLong(3 * updateMillis));
                    }
                }
                assertThat(child.isAlive()).as("the run finished before kill %d; raise UPDATES: %s", kill, child
                        .output()).isTrue();
                child.kill();
            }
            midWrite += Files.exists(killed.resolve(CheckpointFile.NAME + ".tmp")) ? 1 : 0;
            if (Files.exists(file)) {
                Checkpoint c = CheckpointFile.read(file);
                assertThat(c.update()).as("checkpoint after kill %d", kill).isGreaterThanOrEqualTo(seen);
                assertThat(c.envSteps()).isEqualTo((long) c.update() * STEPS_PER_UPDATE);
                seen = c.update();
            } else {
                assertThat(seen).as("the checkpoint vanished after kill %d", kill).isZero();
            }
        }
        try (ChildJvm child = train(killed, seen > 0)) {
            assertThat(child.awaitExit(300)).as(child.output()).isZero();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d kills (%d early in a life, %d aimed at a checkpoint write, %d of all left a half-written "
                + "checkpoint behind) and %d resumptions in %.1f s; at the last kill the run was at update %d of %d%n",
                KILLS, early, aimedAtWrite, midWrite,
                KILLS, seconds, seen, UPDATES);

        assertSameRun(reference, CheckpointFile.read(file));
        assertThat(killed.resolve(CheckpointFile.NAME + ".tmp")).doesNotExist();
        assertThat(Files.readAllBytes(killed.resolve("policy.onnx"))).isEqualTo(Files.readAllBytes(whole.resolve(
                "policy.onnx")));
        assertSameMetrics(whole.resolve(MetricsLog.NAME), killed.resolve(MetricsLog.NAME));
    }

    private ChildJvm train(Path runDir, boolean resume) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--env", "bandit", "--env-config", "arms=3,pulls=7",
                "--steps", Integer.toString(UPDATES * STEPS_PER_UPDATE), "--envs", "8", "--rollout", "5", "--epochs",
                "1", "--minibatches", "2", "--hidden", "8", "--seed", "11", "--checkpoint-every", "1", "--threads", "1",
                "--no-progress", "--out", runDir.resolve("policy.onnx").toString()));
        args.addAll(resume ? List.of("--resume", runDir.toString()) : List.of("--run-dir", runDir.toString()));
        Path output = tmp.resolve("child-" + ++childNumber + ".out");
        return ChildJvm.start(Main.class, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"), output, args.toArray(String[]::new));
    }

    /** Waits until the child has written a checkpoint newer than {@code seen}; every one read on the way is whole. */
    private static int awaitProgress(ChildJvm child, Path file, int seen) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                int update = CheckpointFile.read(file).update();
                if (update > seen) {
                    return update;
                }
            }
            assertThat(child.isAlive()).as("the child ended before writing a checkpoint: %s", child.output())
                    .isTrue();
            Thread.sleep(5);
        }
        throw new AssertionError("no checkpoint after update " + seen + " within 120 s: " + child.output());
    }

    /** Spins until the child's next checkpoint write has created its temporary file. */
    private static void awaitWrite(ChildJvm child, Path tmp) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(tmp) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static void assertSameRun(Checkpoint a, Checkpoint b) {
        assertThat(b.update()).isEqualTo(a.update());
        assertThat(b.envSteps()).isEqualTo(a.envSteps());
        assertThat(b.parameters().keySet()).containsExactlyElementsOf(a.parameters().keySet());
        a.parameters().forEach((name, values) -> assertThat(b.parameters().get(name)).as(name).isEqualTo(values));
        a.adamFirst().forEach((name, values) -> assertThat(b.adamFirst().get(name)).as(name).isEqualTo(values));
        a.adamSecond().forEach((name, values) -> assertThat(b.adamSecond().get(name)).as(name).isEqualTo(values));
        assertThat(b.adamSteps()).isEqualTo(a.adamSteps());
        assertThat(b.observationCount()).isEqualTo(a.observationCount());
        assertThat(b.observationMean()).isEqualTo(a.observationMean());
        assertThat(b.observationM2()).isEqualTo(a.observationM2());
        assertThat(b.shuffleState()).isEqualTo(a.shuffleState());
        assertThat(b.hiddenState()).isEqualTo(a.hiddenState());
        assertThat(b.trials()).isEqualTo(a.trials());
        for (int i = 0; i < a.slots().size(); i++) {
            assertThat(b.slots().get(i)).usingRecursiveComparison().isEqualTo(a.slots().get(i));
        }
    }

    /**
     * Every line of the killed run's metrics is whole, no update appears twice, and each update line equals the
     * uninterrupted run's on the computed figures. A kill between an update's checkpoint and its metrics line leaves
     * that update without a line; the checked lines are most of them.
     */
    private static void assertSameMetrics(Path whole, Path killed) throws IOException {
        Map<Integer, String> expected = updates(whole);
        Map<Integer, String> actual = updates(killed);
        assertThat(expected).hasSize(UPDATES);
        assertThat(actual.size()).isGreaterThanOrEqualTo(UPDATES - KILLS);
        actual.forEach((update, line) -> {
            for (String key : COMPUTED) {
                assertThat(field(line, key)).as("%s of update %d", key, update).isEqualTo(field(expected.get(update),
                        key));
            }
        });
    }

    private static Map<Integer, String> updates(Path metrics) throws IOException {
        Map<Integer, String> byUpdate = new TreeMap<>();
        for (String line : Files.readAllLines(metrics)) {
            assertThat(line).as("a whole JSON line").startsWith("{\"type\":").endsWith("}");
            Matcher m = UPDATE.matcher(line);
            if (line.startsWith("{\"type\":\"update\"") && m.find()) {
                String before = byUpdate.put(Integer.parseInt(m.group(1)), line);
                assertThat(before).as("update %s written twice", m.group(1)).isNull();
            }
        }
        return byUpdate;
    }

    private static String field(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([^,}]+)").matcher(line);
        assertThat(m.find()).as("%s in %s", key, line).isTrue();
        return m.group(1);
    }
}
