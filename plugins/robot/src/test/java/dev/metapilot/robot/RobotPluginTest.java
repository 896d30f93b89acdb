package dev.metapilot.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.env.Split;
import dev.metapilot.locomotion.LocomotionPlugin;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.robot.io.HardwareFaultException;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin's options, spec and tasks; nothing here touches hardware or files. */
class RobotPluginTest {

    private final RobotPlugin plugin = new RobotPlugin();

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(EnvironmentPlugin.class).stream().map(p -> p.get().name())).contains("robot",
                "locomotion");
    }

    @Test
    void hasTheLocomotionSpacesAndItsOwnSpecId() {
        EnvSpec robot = plugin.configureDefaults().spec();
        EnvSpec locomotion = new LocomotionPlugin().configureDefaults().spec();
        assertThat(robot.id()).isEqualTo("robot");
        assertThat(robot.observationSpace()).isEqualTo(locomotion.observationSpace());
        assertThat(robot.actionSpace()).isEqualTo(locomotion.actionSpace());
        assertThat(robot.maxEpisodeSteps()).isEqualTo(locomotion.maxEpisodeSteps()).isEqualTo(100);
        assertThat(robot.episodesPerTrial()).isEqualTo(locomotion.episodesPerTrial()).isEqualTo(4);
    }

    @Test
    void optionsSetTheTargetAndTheEpisodeLength() {
        RobotFactory f = configure(Map.of("link", "serial:/dev/ttyAMA0?baud=230400", "target-velocity",
                "0.25", "target-heading", "-90", "episodes", "3", "episode-seconds", "4", "rate", "50"));
        assertThat(f.spec().maxEpisodeSteps()).isEqualTo(200);
        assertThat(f.spec().episodesPerTrial()).isEqualTo(3);
        assertThat(f.config().link().text()).isEqualTo("serial:/dev/ttyAMA0?baud=230400");
        assertThat(f.config().commandTtlMs()).as("100 ms or three periods").isEqualTo(100);
        assertThat(f.config().sensorRateHz()).isEqualTo(100);
        RobotTask task = (RobotTask) f.tasks().sample(Split.TEST, 7);
        assertThat(task.target()).isEqualTo(new DriveTarget(0.25, -90));
        assertThat(task.id()).isEqualTo("robot-test-7");
        assertThat(task.properties()).containsEntry("target_heading_deg", -90.0).containsEntry("link",
                "serial:/dev/ttyAMA0?baud=230400");
        assertThat(f.baselines()).extracting(b -> b.name()).containsExactly("random", "pid", "zero");
    }

    @Test
    void slowRatesStretchTheTtlAndFastOnesTheSensorRate() {
        RobotConfig slow = configure(Map.of("rate", "10")).config();
        assertThat(slow.commandTtlMs()).isEqualTo(300);
        RobotConfig fast = configure(Map.of("rate", "200")).config();
        assertThat(fast.commandTtlMs()).isEqualTo(100);
        assertThat(fast.sensorRateHz()).isEqualTo(400);
    }

    @Test
    void theShippedOptionFilesConfigureThePlugin() throws Exception {
        for (String name : new String[]{"robot-bridge.conf", "robot-pi4j.conf", "robot-emulator.conf"}) {
            Map<String, String> options = new java.util.LinkedHashMap<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/config", name))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    options.putAll(EnvConfig.parseAssignments(line));
                }
            }
            RobotFactory f = configure(options);
            assertThat(f.config().link().text()).as(name).isEqualTo(options.get("link"));
        }
    }

    @Test
    void badOptionsNameTheKey() {
        assertBad(Map.of("link", "ftp://robot"), "option 'link' must be pi4j, tcp://HOST:PORT");
        assertBad(Map.of("link", "pi4j"), "option 'pins' must be a pins file (JSON) when link=pi4j");
        assertBad(Map.of("target-velocity", "2"), "option 'target-velocity' must be a speed in [-1, 1] m/s");
        assertBad(Map.of("target-heading", "181"), "option 'target-heading'");
        assertBad(Map.of("episode-seconds", "5.01"), "option 'episode-seconds'");
        assertBad(Map.of("rate", "0"), "option 'rate' must be an integer in 1..1000");
        assertBad(Map.of("settle-timeout", "0.5"), "option 'settle-timeout' must be a time in s, more than "
                + "settle-seconds");
        assertBad(Map.of("operator-button", "foot"), "option 'operator-button' must be one of none, enter, pin");
        assertBad(Map.of("operator-button", "pin"), "(pin needs link=pi4j)");
        assertBad(Map.of("stale-ms", "0"), "option 'stale-ms'");
    }

    @Test
    void configureTouchesNoFileAndCreateNoHardware() {
        RobotFactory f = configure(Map.of("link", "pi4j", "pins", "/nonexistent/pins.json"));
        try (RobotEnvironment env = f.create()) {
            assertThat(env.health().fault()).isEqualTo(Fault.LINK_DOWN);
            assertThat(env.health().detail()).contains("not open yet");
            env.safeStop();
            env.setTask(f.tasks().sample(Split.TEST, 0));
            assertThatThrownBy(() -> env.reset(0, new float[8])).as("the file is read when the hardware opens")
                    .hasMessageContaining("/nonexistent/pins.json");
        }
    }

    @Test
    void theRealFactoryOpensAnUnreachableBridgeAndReportsTheLinkDown() {
        RobotConfig c = configure(Map.of("link", "tcp://127.0.0.1:1", "connect-timeout", "0.2")).config();
        RobotFactory f = new RobotFactory(c);
        try (RobotEnvironment env = f.create()) {
            env.setTask(f.tasks().sample(Split.TEST, 0));
            assertThatThrownBy(() -> env.reset(0, new float[8])).isInstanceOf(HardwareFaultException.class)
                    .hasMessageContaining("LINK_DOWN").hasMessageContaining("tcp://127.0.0.1:1");
            assertThat(env.health().fault()).isEqualTo(Fault.LINK_DOWN);
        }
    }

    private RobotFactory configure(Map<String, String> overrides) {
        return (RobotFactory) plugin.configure(overrides);
    }

    private void assertBad(Map<String, String> overrides, String message) {
        assertThatThrownBy(() -> plugin.configure(overrides))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plugin 'robot'")
                .hasMessageContaining(message);
    }
}
