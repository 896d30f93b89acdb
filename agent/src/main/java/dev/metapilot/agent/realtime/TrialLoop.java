package dev.metapilot.agent.realtime;

import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.EpisodeTally;
import dev.metapilot.env.Action;
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;

/**
 * One run of a {@link RealtimeTrialRunner}: the RL² buffers, the guard, the watchdog, the loop and the timing totals,
 * and the episode loop itself. Created per run and used on the loop thread only.
 */
final class TrialLoop {

    private final ActionGuard.Settings guardSettings;
    private final LoopSettings settings;
    private final ActuatedEnvironment env;
    private final Policy policy;
    private final RealtimeListener listener;
    private final StopRequest stop;
    private final StepInput input;
    private final Action action;
    private final StepResult result = new StepResult();
    private final EpisodeTally tally;
    private final ActionGuard guard;
    private final Watchdog watchdog;
    private final FixedRateLoop loop;
    private final JitterHistogram periodErrors = new JitterHistogram();
    private final JitterHistogram lateness = new JitterHistogram();
    private long totalTicks;
    private long totalMisses;
    private int longestMissRun;
    private int trial;
    private Task task;

    TrialLoop(EnvironmentFactory factory, ActionGuard.Settings guardSettings, LoopSettings settings, LoopClock clock,
            ActuatedEnvironment env, Policy policy, RealtimeListener listener, StopRequest stop) {
        this.guardSettings = guardSettings;
        this.settings = settings;
        this.env = env;
        this.policy = policy;
        this.listener = listener;
        this.stop = stop;
        this.input = new StepInput(env.spec());
        this.action = Action.of(env.spec().actionSpace());
        this.tally = new EpisodeTally(env.spec().maxEpisodeSteps());
        this.guard = new ActionGuard(factory, guardSettings);
        this.loop = new FixedRateLoop(clock, settings.periodNanos());
        this.watchdog = new Watchdog(settings);
    }

    void beginTrial(int t, Task current) {
        trial = t;
        task = current;
        guard.beginTrial();
        input.beginTrial();
    }

    /** Runs one episode; returns the stop that ended it early, or null. */
    SafeStop episode(int episode, long seed) {
        if (episode > 0) {
            input.nextEpisode();
        }
        SafeStop failed = reset(seed);
        if (failed != null) {
            return failed;
        }
        loop.start();
        tally.begin(guard.faults());
        while (true) {
            SafeStop s = stop.requested()
                    ? new SafeStop(SafeStop.Cause.REQUESTED, stop.reason())
                    : watchdog.check(env.health(), loop.consecutiveMisses());
            boolean policyOk = s == null && policy.act(input, action);
            if (s == null) {
                guard.check(policyOk, action);
                if (guard.tripped()) {
                    s = new SafeStop(SafeStop.Cause.FAULT_LIMIT, guard.faults()
                            + " policy outputs were not finite; the guard's limit is " + guardSettings.maxFaults());
                }
            }
            if (s != null) {
                env.safeStop();
                end(episode, tally.record(policy.name(), trial, episode, task.id(), guard.faults(), s
                        .cause() == SafeStop.Cause.FAULT_LIMIT
                                ? EpisodeRecord.End.FAULT_LIMIT
                                : EpisodeRecord.End.SAFE_STOP));
                return s;
            }
            env.step(action, input.observation(), result);
            if (tally.stepped(action, result, input)) {
                end(episode, tally.finished(policy.name(), trial, episode, task.id(), guard.faults()));
                return null;
            }
            int missed = loop.awaitNextTick();
            if (missed > 0) {
                listener.deadlineMissed(trial, episode, tally.steps(), missed, loop.latenessNanos());
            }
        }
    }

    /**
     * Resets the environment; a reset that fails while the hardware reports a fault is that fault's safe stop (a robot
     * that cannot come to rest, a link that does not come up), any other failure propagates.
     */
    private SafeStop reset(long seed) {
        try {
            env.reset(seed, input.observation());
            return null;
        } catch (RuntimeException e) {
            HardwareHealth health = env.health();
            if (health.healthy()) {
                throw e;
            }
            env.safeStop();
            SafeStop s = SafeStop.of(health);
            return e.getMessage() == null
                    ? s
                    : new SafeStop(s.cause(), "the episode could not start: " + e.getMessage());
        }
    }

    private void end(int episode, EpisodeRecord record) {
        periodErrors.addAll(loop.periodErrors());
        lateness.addAll(loop.lateness());
        totalTicks += loop.ticks();
        totalMisses += loop.misses();
        longestMissRun = Math.max(longestMissRun, loop.longestMissRun());
        listener.episodeTiming(trial, episode, loop.report());
        listener.episodeEnded(record);
    }

    LoopReport totals() {
        return LoopReport.of(settings.periodNanos(), totalTicks, totalMisses, longestMissRun, periodErrors,
                lateness);
    }
}
