package dev.metapilot.agent.trial;

/** Receives each {@link EpisodeRecord} on the trial thread as soon as the episode ends (telemetry, statistics). */
@FunctionalInterface
public interface EpisodeListener {

    void episodeEnded(EpisodeRecord record);
}
