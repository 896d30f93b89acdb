package dev.metapilot.locomotion;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;

/**
 * The {@code locomotion} plugin: a simulated differential-drive robot with hidden dynamics and a hidden target speed
 * and/or heading, 4 episodes of 5 s per trial by default.
 *
 * <p>
 * Discovered by the agent through {@link java.util.ServiceLoader}; {@link #configure} runs once per run on the main
 * thread.
 */
public final class LocomotionPlugin implements EnvironmentPlugin {

    @Override
    public String name() {
        return "locomotion";
    }

    @Override
    public String description() {
        return "differential-drive robot, hidden dynamics (payload, motor asymmetry, dead-band, lag, latency, slope) "
                + "and hidden target speed/heading";
    }

    @Override
    public List<ConfigOption> options() {
        return LocomotionConfig.OPTIONS;
    }

    /**
     * @throws IllegalArgumentException for a value out of range, naming the option
     */
    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        return new LocomotionFactory(LocomotionConfig.from(config));
    }
}
