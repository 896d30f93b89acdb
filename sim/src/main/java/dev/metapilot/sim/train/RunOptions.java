package dev.metapilot.sim.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a training run is carried out, as opposed to what it computes ({@link TrainConfig}): how many environment steps,
 * on which device and how many threads, how often to evaluate and checkpoint, where to write, whether to resume and to
 * show a progress bar. None of it changes the trained parameters (the thread count may change the last bits of
 * PyTorch's sums; resume on the same machine and thread count for bitwise equality). Built on the main thread.
 *
 * @param steps environment steps to train in total (rounded up to whole updates)
 * @param device {@code cpu}, {@code cuda} or {@code auto}
 * @param threads PyTorch intra-op threads and environment workers; 0 for one per core
 * @param evalEvery evaluate the exported policy on TEST trials every this many updates (and at the end); 0 never
 * @param evalTrials TEST trials per evaluation
 * @param checkpointEvery write a checkpoint every this many updates (and always at the end); 0 only at the end
 * @param runDir where the checkpoint, the metrics and the evaluation model go
 * @param out the exported ONNX policy
 * @param resume continue from {@code runDir}'s checkpoint
 * @param progress show a progress bar on standard error
 */
public record RunOptions(long steps, String device, int threads, int evalEvery, int evalTrials, int checkpointEvery,
        Path runDir, Path out, boolean resume, boolean progress) {

    public RunOptions {
        Objects.requireNonNull(device, "device is null");
        Objects.requireNonNull(runDir, "runDir is null");
        Objects.requireNonNull(out, "out is null");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: one per core), got " + threads);
        }
        if (evalEvery < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("eval-every and checkpoint-every must be >= 0, got " + evalEvery
                    + " and " + checkpointEvery);
        }
        if (evalTrials < 1) {
            throw new IllegalArgumentException("eval trials must be >= 1, got " + evalTrials);
        }
    }

    /** The environment workers and PyTorch threads to use. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
