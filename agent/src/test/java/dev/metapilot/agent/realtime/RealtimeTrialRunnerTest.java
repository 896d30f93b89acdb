package dev.metapilot.agent.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.testing.FakeRobot;
import dev.metapilot.agent.testing.ManualClock;
import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.Action;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real-time runner against a fake robot on a hand-driven clock: RL² episodes in the loop, the watchdog on health
 * faults and missed deadlines, the guard on NaN outputs, a stop request, an exception, and a safe stop on every one of
 * those exits and on the normal end, with no command written after it.
 */
class RealtimeTrialRunnerTest {

    private static final long PERIOD = 50_000_000L;

    private final ManualClock clock = new ManualClock();
    private final FakeRobot robot = new FakeRobot(5, 2);
    private final List<EpisodeRecord> records = new ArrayList<>();
    private final List<SafeStop> stops = new ArrayList<>();
    private final List<LoopReport> timings = new ArrayList<>();
    private final StopRequest stop = new StopRequest();

    private final RealtimeListener listener = new RealtimeListener() {
        @Override
        public void episodeEnded(EpisodeRecord record) {
            records.add(record);
        }

        @Override
        public void episodeTiming(int trial, int episode, LoopReport report) {
            timings.add(report);
        }

        @Override
        public void safeStopped(SafeStop s) {
            stops.add(s);
        }
    };

    /** Drives both motors at {@code value}, and counts its calls; {@code value} may be NaN. */
    private static final class Constant implements Policy {
        float value = 0.5f;
        int trials;

        @Override
        public String name() {
            return "constant";
        }

        @Override
        public void beginTrial(Task task, long seed) {
            trials++;
        }

        @Override
        public boolean act(StepInput input, Action out) {
            out.values()[0] = value;
            out.values()[1] = value;
            return true;
        }

        @Override
        public void close() {}
    }

    private final Constant policy = new Constant();

    private RealtimeResult run(int trials, LoopSettings settings, ActionGuard.Settings guard) {
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            tasks.add(robot.tasks().sample(Split.TEST, t));
        }
        return new RealtimeTrialRunner(robot, guard, settings, clock).run(robot, policy, new TrialPlan(tasks, 2, 0),
                listener, stop);
    }

    private RealtimeResult run(int trials) {
        return run(trials, new LoopSettings(20, 3, 0), ActionGuard.Settings.DEFAULT);
    }

    /** Steps after the first safe stop in the journal. */
    private long stepsAfterFirstSafeStop() {
        List<String> j = robot.journal();
        int first = j.indexOf("safeStop");
        assertThat(first).as("a safe stop in %s", j).isNotNegative();
        return j.subList(first, j.size()).stream().filter(s -> s.startsWith("step")).count();
    }

    @Test
    void aNormalRunCompletesEveryEpisodeOnTimeAndEndsWithASafeStop() {
        robot.onStep(n -> clock.advance(PERIOD / 10));
        RealtimeResult result = run(2);
        assertThat(result.completed()).isTrue();
        assertThat(records).extracting(EpisodeRecord::trial, EpisodeRecord::episode, EpisodeRecord::steps,
                EpisodeRecord::end).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 0, 5,
                                EpisodeRecord.End.TRUNCATED),
                        org.assertj.core.groups.Tuple.tuple(0, 1, 5,
                                EpisodeRecord.End.TRUNCATED),
                        org.assertj.core.groups.Tuple.tuple(1, 0, 5, EpisodeRecord.End.TRUNCATED),
                        org.assertj.core.groups.Tuple.tuple(
                                1, 1, 5, EpisodeRecord.End.TRUNCATED));
        assertThat(records.get(0).totalReturn()).isEqualTo(-2.5);
        assertThat(policy.trials).isEqualTo(2);
        assertThat(robot.journal()).last().isEqualTo("safeStop");
        assertThat(stops).isEmpty();
        assertThat(timings).hasSize(4).allSatisfy(t -> {
            assertThat(t.ticks()).isEqualTo(5);
            assertThat(t.misses()).isZero();
            assertThat(t.periodErrorMax()).isZero();
        });
        assertThat(result.timing().ticks()).isEqualTo(20);
        // the loop slept between the 4 steps of each of 4 episodes; the last step of an episode waits for nothing
        assertThat(clock.sleeps()).isEqualTo(16);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aHealthFaultStopsTheRobotBeforeTheNextCommand(Fault fault) {
        robot.health(taken -> taken >= 3
                ? new HardwareHealth(fault, 250_000_000L, "injected " + fault)
                : HardwareHealth.ok(1_000_000));
        RealtimeResult result = run(1);
        assertThat(result.completed()).isFalse();
        assertThat(result.stop().cause().name()).isEqualTo(fault.name());
        assertThat(result.stop().detail()).contains("injected " + fault, "250.0 ms old");
        assertThat(robot.steps()).isEqualTo(3);
        assertThat(stepsAfterFirstSafeStop()).isZero();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.steps()).isEqualTo(3);
            assertThat(r.end()).isEqualTo(EpisodeRecord.End.SAFE_STOP);
        });
        assertThat(stops).containsExactly(result.stop());
    }

    @Test
    void missedDeadlinesInARowStopTheRobot() {
        // step 2's work takes 2.5 periods: the deadlines of ticks 2 and 3 pass while it runs
        robot.onStep(n -> clock.advance(n == 2 ? PERIOD * 5 / 2 : PERIOD / 10));
        RealtimeResult result = run(1, new LoopSettings(20, 2, 0), ActionGuard.Settings.DEFAULT);
        assertThat(result.stop().cause()).isEqualTo(SafeStop.Cause.DEADLINE_MISSES);
        assertThat(result.stop().detail()).contains("2 control deadlines missed in a row (limit 2, period 50.0 ms)");
        assertThat(robot.steps()).isEqualTo(2);
        assertThat(stepsAfterFirstSafeStop()).isZero();
        assertThat(timings).singleElement().satisfies(t -> assertThat(t.misses()).isEqualTo(2));
    }

    @Test
    void fewerMissesThanTheLimitAreCountedButTolerated() {
        robot.onStep(n -> clock.advance(n == 2 ? PERIOD * 5 / 2 : PERIOD / 10));
        RealtimeResult result = run(1, new LoopSettings(20, 3, 0), ActionGuard.Settings.DEFAULT);
        assertThat(result.completed()).isTrue();
        assertThat(result.timing().misses()).isEqualTo(2);
        assertThat(result.timing().longestMissRun()).isEqualTo(2);
    }

    @Test
    void nanPolicyOutputsReachTheMotorsAsTheSafeActionAndTheFaultLimitStopsTheRobot() {
        robot.onStep(n -> policy.value = Float.NaN);
        RealtimeResult result = run(1, new LoopSettings(20, 3, 0), new ActionGuard.Settings(2, 0f));
        assertThat(robot.journal()).containsSubsequence("step [0.5, 0.5]", "step [0.0, 0.0]", "safeStop");
        assertThat(robot.journal()).noneMatch(s -> s.contains("NaN"));
        assertThat(result.stop().cause()).isEqualTo(SafeStop.Cause.FAULT_LIMIT);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.end()).isEqualTo(EpisodeRecord.End.FAULT_LIMIT);
            assertThat(r.faults()).isEqualTo(2);
            assertThat(r.steps()).isEqualTo(2);
        });
        assertThat(stepsAfterFirstSafeStop()).isZero();
    }

    @Test
    void aResetThatFailsOnAHardwareFaultIsThatFaultsSafeStop() {
        robot.health(taken -> taken >= 5
                ? new HardwareHealth(Fault.LINK_DOWN, Long.MAX_VALUE, "link is BACKING_OFF")
                : HardwareHealth.ok(1_000_000));
        robot.onReset(() -> {
            if (robot.steps() >= 5) {
                throw new IllegalStateException("not healthy within connect-timeout 5 s");
            }
        });
        RealtimeResult result = run(1);
        assertThat(result.stop().cause()).isEqualTo(SafeStop.Cause.LINK_DOWN);
        assertThat(result.stop().detail()).isEqualTo("the episode could not start: not healthy within "
                + "connect-timeout 5 s");
        assertThat(records).extracting(EpisodeRecord::end).containsExactly(EpisodeRecord.End.TRUNCATED);
        assertThat(robot.journal()).last().isEqualTo("safeStop");
    }

    @Test
    void anExceptionInTheEnvironmentStopsTheRobotAndPropagates() {
        robot.onStep(n -> {
            if (n == 4) {
                throw new IllegalStateException("encoder cable unplugged");
            }
        });
        assertThatThrownBy(() -> run(1)).hasMessage("encoder cable unplugged");
        assertThat(robot.journal()).last().isEqualTo("safeStop");
        assertThat(stops).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(SafeStop.Cause.EXCEPTION);
            assertThat(s.detail()).contains("encoder cable unplugged");
        });
    }

    @Test
    void aStopRequestFromAnotherThreadStopsTheRobotAtTheNextTick() throws Exception {
        robot.onStep(n -> {
            if (n == 7) {
                Thread signal = new Thread(() -> stop.request("operator pressed stop"));
                signal.start();
                try {
                    signal.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        });
        RealtimeResult result = run(2);
        assertThat(result.stop()).isEqualTo(new SafeStop(SafeStop.Cause.REQUESTED, "operator pressed stop"));
        assertThat(robot.steps()).isEqualTo(7);
        assertThat(stepsAfterFirstSafeStop()).isZero();
        assertThat(records).extracting(EpisodeRecord::end).containsExactly(EpisodeRecord.End.TRUNCATED,
                EpisodeRecord.End.SAFE_STOP);
    }

    @Test
    void theShutdownHookStopsTheRobotAtOnceAndAgainAfterTheRunFinished() throws Exception {
        ShutdownStop hook = ShutdownStop.install(robot, stop, java.time.Duration.ofSeconds(5));
        Thread signal = new Thread(hook::onSignal);
        signal.start();
        while (robot.safeStops() == 0) {
            Thread.onSpinWait();
        }
        assertThat(stop.reason()).isEqualTo(ShutdownStop.SIGNAL_REASON);
        hook.close(); // the run and its log are done
        signal.join(5000);
        assertThat(signal.isAlive()).isFalse();
        assertThat(robot.safeStops()).isEqualTo(2);
    }
}
