package dev.metapilot.agent.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-episode-index statistics of a run (the adaptation curve): mean steps, mean return and success rate with 95%
 * confidence half-widths (the normal approximation for means; for the success rate the wider side of the Wilson score
 * interval, which stays honest near 0% and 100%, where the normal approximation shrinks to nothing). Fed by the runner
 * as an {@link EpisodeListener}; read when the run is over. One thread.
 */
public final class EpisodeStats implements EpisodeListener {

    /** Mean and 95% confidence half-width. */
    public record Estimate(double mean, double halfWidth, int n) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.3f ± %.3f", mean, halfWidth);
        }
    }

    /** The figures of one episode index. */
    public record Row(int episode, Estimate steps, Estimate totalReturn, Estimate success, int faults) {}

    private final List<Accumulator> byEpisode = new ArrayList<>();
    private final Map<Integer, Double> perTrial = new TreeMap<>();

    @Override
    public void episodeEnded(EpisodeRecord r) {
        while (byEpisode.size() <= r.episode()) {
            byEpisode.add(new Accumulator());
        }
        Accumulator a = byEpisode.get(r.episode());
        a.steps.add(r.steps());
        a.returns.add(r.totalReturn());
        a.episodes++;
        a.successes += r.success() ? 1 : 0;
        a.faults += r.faults();
        perTrial.merge(r.trial(), r.totalReturn(), Double::sum);
    }

    /** One row per episode index seen, in order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int e = 0; e < byEpisode.size(); e++) {
            Accumulator a = byEpisode.get(e);
            rows.add(new Row(e, a.steps.estimate(), a.returns.estimate(), proportion(a.successes, a.episodes),
                    a.faults));
        }
        return rows;
    }

    /** Mean over trials of the return summed over each trial's episodes, with its 95% half-width. */
    public Estimate trialReturn() {
        RunningMean w = new RunningMean();
        perTrial.values().forEach(w::add);
        return w.estimate();
    }

    /**
     * A success rate: {@code successes / n} with the larger distance from it to either end of the 95% Wilson score
     * interval as the half-width (honest near 0% and 100%, where the normal approximation shrinks to nothing); 0 ± 0
     * for an empty sample.
     */
    public static Estimate proportion(long successes, int n) {
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException(successes + " successes out of " + n);
        }
        if (n == 0) {
            return new Estimate(0, 0, 0);
        }
        double p = (double) successes / n;
        double z = RunningMean.Z95;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double spread = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double low = Math.max(0, centre - spread);
        double high = Math.min(1, centre + spread);
        return new Estimate(p, Math.max(p - low, high - p), n);
    }

    private static final class Accumulator {
        final RunningMean steps = new RunningMean();
        final RunningMean returns = new RunningMean();
        int episodes;
        int successes;
        int faults;
    }
}
