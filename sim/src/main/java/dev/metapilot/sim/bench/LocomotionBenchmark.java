package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.locomotion.LocomotionPlugin;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * Locomotion control steps per second on one core: one {@code step} per call (one 50 ms control period: the physics
 * sub-steps, the sensors, observation and reward) with uniformly random motor commands drawn up front, and a
 * {@code reset} whenever the episode ends, on one held-out task with the plugin's defaults and the given physics rate.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh LocomotionBenchmark}), one state per benchmark thread.
 */
public class LocomotionBenchmark extends EnvironmentStepBenchmark {

    /** The value of the plugin's {@code physics-rate} option, Hz (the default is 200: 10 sub-steps per step). */
    @Param({"200", "1000"})
    public String physicsRate;

    @Override
    protected EnvironmentFactory factory() {
        return new LocomotionPlugin().configure(Map.of("physics-rate", physicsRate));
    }
}
