package dev.metapilot.sim.train;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of {@code metapilot train} on standard error: environment steps done of the total with the steps per
 * second, and the mean return of recent training trials and the latest held-out evaluation as its message. A disabled
 * progress (tests, {@code --no-progress}) does nothing. Updated by the trainer's main thread after each update.
 */
final class TrainingProgress implements AutoCloseable {

    private final ProgressBar bar;

    TrainingProgress(boolean enabled, long totalSteps, long doneSteps) {
        this.bar = enabled
                ? new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps).setUnit(" steps", 1)
                        .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).startsFrom(
                                doneSteps, Duration.ZERO)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build()
                : null;
    }

    /** Moves the bar to {@code steps} with the recent mean training return and the latest evaluation (NaN: none). */
    void update(long steps, double meanReturn, double evalReturn) {
        if (bar == null) {
            return;
        }
        bar.stepTo(steps);
        String message = String.format(Locale.ROOT, " | return %.3f", meanReturn);
        if (!Double.isNaN(evalReturn)) {
            message += String.format(Locale.ROOT, " | eval %.3f", evalReturn);
        }
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
