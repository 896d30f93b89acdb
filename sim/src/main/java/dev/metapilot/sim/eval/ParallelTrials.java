package dev.metapilot.sim.eval;

import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.agent.trial.TrialRunner;
import dev.metapilot.env.EnvironmentFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan's trials for one {@link Contender} on several threads: the trials are cut into contiguous ranges, each
 * run by its own {@link TrialRunner} with its own policy. Every trial keeps the seeds the whole plan gives it, so the
 * {@link Outcomes} do not depend on the number of threads. Called on the main thread, which waits for the workers.
 */
final class ParallelTrials {

    private final EnvironmentFactory factory;
    private final int threads;

    ParallelTrials(EnvironmentFactory factory, int threads) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Runs every trial of {@code plan} with {@code contender}. */
    Outcomes run(Contender contender, TrialPlan plan) {
        int trials = plan.tasks().size();
        Outcomes outcomes = new Outcomes(contender.label(), trials, plan.episodes());
        int workers = Math.min(threads, trials);
        if (workers == 1) {
            runRange(contender, plan, 0, trials, outcomes);
            return outcomes;
        }
        AtomicInteger id = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "eval-" + id.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> ranges = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int from = (int) ((long) trials * w / workers);
                int to = (int) ((long) trials * (w + 1) / workers);
                ranges.add(pool.submit(() -> runRange(contender, plan, from, to, outcomes)));
            }
            for (Future<?> range : ranges) {
                join(range, contender);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private void runRange(Contender contender, TrialPlan plan, int from, int to, Outcomes outcomes) {
        try (Policy policy = contender.open().get()) {
            new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(policy, plan, from, to, outcomes);
        }
    }

    private static void join(Future<?> range, Contender contender) {
        try {
            range.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating " + contender.label(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("evaluating " + contender.label() + " failed: " + e.getCause(), e
                    .getCause());
        }
    }
}
