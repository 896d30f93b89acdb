package dev.metapilot.sim.train;

import dev.metapilot.env.EnvironmentFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The N environment slots of a run and the fixed pool that steps them: the slots are cut into W contiguous ranges, the
 * calling (main) thread works the first range and W-1 pool threads the others, and {@link #forEach} returns when every
 * slot is done. Each slot only touches its own state and its own rows of the caller's arrays, so the results do not
 * depend on thread timing. Created and closed by the trainer on its main thread.
 */
final class VectorTrials implements AutoCloseable {

    /** Work on one slot, run on a worker thread. */
    @FunctionalInterface
    interface SlotWork {
        void run(int slot, TrialSlot trialSlot);
    }

    private final List<TrialSlot> slots;
    private final int[] bounds;
    private final ExecutorService pool;

    /**
     * N slots with environments from {@code factory}; {@code workers} threads step them (1: the calling thread only).
     */
    VectorTrials(EnvironmentFactory factory, TrialSeeds seeds, int envs, int workers) {
        Objects.requireNonNull(factory, "factory is null");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        int w = Math.min(workers, envs);
        List<TrialSlot> list = new ArrayList<>(envs);
        try {
            for (int i = 0; i < envs; i++) {
                list.add(new TrialSlot(i, factory.create(), factory.tasks(), seeds));
            }
        } catch (RuntimeException e) {
            list.forEach(TrialSlot::close);
            throw e;
        }
        this.slots = List.copyOf(list);
        this.bounds = new int[w + 1];
        for (int k = 0; k <= w; k++) {
            bounds[k] = (int) ((long) envs * k / w);
        }
        this.pool = w > 1 ? Executors.newFixedThreadPool(w - 1, daemonThreads()) : null;
    }

    int size() {
        return slots.size();
    }

    TrialSlot slot(int i) {
        return slots.get(i);
    }

    /** Runs {@code work} on every slot, spread over the workers; rethrows the first failure. */
    void forEach(SlotWork work) {
        if (pool == null) {
            runRange(work, 0, slots.size());
            return;
        }
        List<Future<?>> futures = new ArrayList<>(bounds.length - 2);
        for (int k = 1; k < bounds.length - 1; k++) {
            int from = bounds[k];
            int to = bounds[k + 1];
            futures.add(pool.submit(() -> runRange(work, from, to)));
        }
        RuntimeException failure = null;
        try {
            runRange(work, bounds[0], bounds[1]);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r
                            ? r
                            : new IllegalStateException("environment worker failed: " + e.getCause(), e
                                    .getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stepping environments", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void runRange(SlotWork work, int from, int to) {
        for (int i = from; i < to; i++) {
            work.run(i, slots.get(i));
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        slots.forEach(TrialSlot::close);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger(1);
        return r -> {
            Thread t = new Thread(r, "metapilot-env-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
