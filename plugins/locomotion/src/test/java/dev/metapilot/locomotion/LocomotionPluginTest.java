package dev.metapilot.locomotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.EnvironmentContract;
import dev.metapilot.locomotion.tracking.DriveObservation;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocomotionPluginTest {

    private final LocomotionPlugin plugin = new LocomotionPlugin();

    private EnvironmentFactory configure(Map<String, String> values) {
        return plugin.configure(values);
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        List<String> names = ServiceLoader.load(EnvironmentPlugin.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("locomotion");
    }

    @Test
    void defaultsAreFourEpisodesOfFiveSecondsAtTwentyHertz() {
        EnvironmentFactory factory = plugin.configureDefaults();
        assertThat(factory.spec().id()).isEqualTo("locomotion");
        assertThat(factory.spec().maxEpisodeSteps()).isEqualTo(100);
        assertThat(factory.spec().episodesPerTrial()).isEqualTo(4);
        assertThat(factory.spec().actionSpace()).isEqualTo(Box.uniform(2, -1, 1));
        assertThat(factory.spec().observationSpace()).isEqualTo(DriveObservation.space());
        assertThat(factory.baselines()).extracting(Baseline::name).containsExactly("random", "pid", "zero");
        assertThat(factory.taskFileReader()).isPresent();
        assertThat(((LocomotionFactory) factory).config()).isEqualTo(LocomotionConfig.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"velocity", "heading", "both"})
    void everyTargetFamilyPassesTheContract(String family) {
        EnvironmentContract.check(configure(Map.of("target", family)));
    }

    @Test
    void otherRatesAndExactSensorsPassTheContract() {
        EnvironmentFactory factory = configure(Map.of("rate", "50", "seconds", "3", "physics-rate", "1000",
                "sensor-noise", "false", "episodes", "3"));
        assertThat(factory.spec().maxEpisodeSteps()).isEqualTo(150);
        assertThat(factory.spec().episodesPerTrial()).isEqualTo(3);
        EnvironmentContract.check(factory);
    }

    @Test
    void everyFamilyHasTheSameSpacesSoOnePolicyServesThemAll() {
        EnvironmentFactory v = configure(Map.of("target", "velocity"));
        EnvironmentFactory h = configure(Map.of("target", "heading", "rate", "50"));
        assertThat(h.spec().observationSpace()).isEqualTo(v.spec().observationSpace());
        assertThat(h.spec().actionSpace()).isEqualTo(v.spec().actionSpace());
        assertThat(h.spec().id()).isEqualTo(v.spec().id());
    }

    @Test
    void theSafeActionIsMotorsOff() {
        EnvironmentFactory factory = plugin.configureDefaults();
        Action a = Action.of(factory.spec().actionSpace());
        a.values()[0] = 0.7f;
        a.values()[1] = -0.2f;
        factory.writeSafeAction(a);
        assertThat(a.values()).containsExactly(0f, 0f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"target; sideways; one of velocity, heading, both",
            "episodes; 0; an integer in 1..20", "episodes; 21; an integer in 1..20", "episodes; four; an integer",
            "seconds; 0.5; a number in [1, 60]", "seconds; 61; a number in [1, 60]",
            "seconds; 5.01; a whole number of steps at 20 Hz", "seconds; abc; a number",
            "rate; 0; an integer in 1..1000",
            "rate; 2000; an integer in 1..1000", "physics-rate; 10; a multiple of rate (20)",
            "physics-rate; 210; a multiple of rate (20)", "physics-rate; 200000; up to 100000",
            "sensor-noise; maybe; true or false"})
    void badOptionsAreRejectedNamingTheKey(String key, String value, String expected) {
        assertThatThrownBy(() -> configure(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option '" + key + "'").hasMessageContaining(expected)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void unknownOptionsAreRejected() {
        assertThatThrownBy(() -> configure(Map.of("payload", "3"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'payload'");
    }

    @Test
    void tasksDescribeThemselvesForLogs() {
        LocomotionTask task = ((LocomotionFactory) configure(Map.of("target", "both"))).tasks().sample(Split.TEST,
                42);
        assertThat(task.id()).isEqualTo("locomotion-both-test-42");
        assertThat(task.properties()).containsKeys("source", "regime", "target_velocity_mps", "target_heading_deg",
                "payload_kg", "left_gain", "right_gain", "deadband", "motor_lag_s", "latency_ticks",
                "rolling_friction", "slope_deg", "gyro_bias", "accel_bias");
        assertThat(task.properties().get("source")).isEqualTo("test");
        assertThat(task.properties().get("latency_ticks")).isInstanceOf(Long.class);
        assertThat(task.properties().get("payload_kg")).isEqualTo(task.dynamics().payloadKg());
    }
}
