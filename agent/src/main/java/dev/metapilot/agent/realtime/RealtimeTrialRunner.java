package dev.metapilot.agent.realtime;

import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * Runs the trials of a {@link TrialPlan} on an {@link ActuatedEnvironment} in a {@link FixedRateLoop}, with the RL²
 * semantics of the simulated {@link dev.metapilot.agent.trial.TrialRunner} (task and policy memory kept for the K
 * episodes of a trial, previous action, reward and done flag carried) and a safety chain around every tick: a stop
 * request, then the {@link Watchdog} (hardware health, missed deadlines), then the policy, then the
 * {@link ActionGuard}, and only then the command. Any reason to stop ends the run with
 * {@link ActuatedEnvironment#safeStop()}; so do the normal end, an exception, and the stop request a shutdown hook
 * makes on SIGINT or SIGTERM. Between episodes the environment's {@code reset} may take its time (a robot waits until
 * it stands still); the loop's deadlines start afresh after it, and a reset that fails while the hardware reports a
 * fault is a safe stop for that fault.
 *
 * <p>
 * {@link #run} is called on the loop thread and returns when the run is over; one run at a time per runner.
 */
public final class RealtimeTrialRunner {

    private final EnvironmentFactory factory;
    private final ActionGuard.Settings guardSettings;
    private final LoopSettings settings;
    private final LoopClock clock;

    public RealtimeTrialRunner(EnvironmentFactory factory, ActionGuard.Settings guardSettings, LoopSettings settings,
            LoopClock clock) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.guardSettings = Objects.requireNonNull(guardSettings, "guardSettings is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * Runs every trial of {@code plan} with {@code policy} on {@code env}, until the plan is done or a safe stop.
     *
     * @throws RuntimeException what the policy or environment threw, after the safe stop
     */
    public RealtimeResult run(ActuatedEnvironment env, Policy policy, TrialPlan plan, RealtimeListener listener,
            StopRequest stop) {
        Objects.requireNonNull(env, "env is null");
        Objects.requireNonNull(policy, "policy is null");
        Objects.requireNonNull(plan, "plan is null");
        Objects.requireNonNull(listener, "listener is null");
        Objects.requireNonNull(stop, "stop is null");
        TrialLoop ticks = new TrialLoop(factory, guardSettings, settings, clock, env, policy, listener, stop);
        SafeStop stopped = null;
        try {
            stopped = trials(env, policy, plan, ticks, stop);
        } catch (RuntimeException | Error e) {
            env.safeStop();
            listener.safeStopped(new SafeStop(SafeStop.Cause.EXCEPTION, String.valueOf(e)));
            throw e;
        } finally {
            env.safeStop();
        }
        if (stopped != null) {
            listener.safeStopped(stopped);
        }
        return new RealtimeResult(stopped, ticks.totals());
    }

    private SafeStop trials(ActuatedEnvironment env, Policy policy, TrialPlan plan, TrialLoop ticks, StopRequest stop) {
        for (int t = 0; t < plan.tasks().size(); t++) {
            Task task = plan.tasks().get(t);
            env.setTask(task);
            policy.beginTrial(task, plan.policySeed(t));
            ticks.beginTrial(t, task);
            for (int e = 0; e < plan.episodes(); e++) {
                if (stop.requested()) {
                    env.safeStop();
                    return new SafeStop(SafeStop.Cause.REQUESTED, stop.reason());
                }
                SafeStop s = ticks.episode(e, plan.resetSeed(t, e));
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }
}
