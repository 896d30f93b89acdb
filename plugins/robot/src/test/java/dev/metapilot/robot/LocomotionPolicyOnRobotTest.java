package dev.metapilot.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyException;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.locomotion.LocomotionPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A policy trained on {@code locomotion} runs on {@code robot}: the agent's policy check compares spaces, not ids, and
 * the robot declares the locomotion plugin's spaces under its own id (so logs tell simulation and hardware apart).
 */
class LocomotionPolicyOnRobotTest {

    private static final Path SHIPPED = Path.of("../../models/locomotion.onnx");

    @Test
    void theAgentAcceptsTheMetadataOfALocomotionPolicyForTheRobot() {
        EnvSpec locomotion = new LocomotionPlugin().configureDefaults().spec();
        PolicyMetadata trained = PolicyMetadata.of(locomotion, 64, 1, 1_000_000, "", "");
        for (String rate : new String[]{"20", "50", "200"}) {
            RobotPlugin plugin = new RobotPlugin();
            EnvSpec robot = plugin.configure(Map.of("rate", rate))
                    .spec();
            assertThatCode(() -> PolicyContract.checkEnvironment(trained, robot, "robot")).as("at %s Hz", rate)
                    .doesNotThrowAnyException();
            assertThat(trained.envId()).isNotEqualTo(robot.id());
        }
    }

    @Test
    void aPolicyForOtherSpacesIsStillRefused() {
        EnvSpec robot = new RobotPlugin().configureDefaults().spec();
        EnvSpec other = new EnvSpec("locomotion", Box.uniform(7, -1, 1), robot.actionSpace(), 100, 4);
        assertThatThrownBy(() -> PolicyContract.checkEnvironment(PolicyMetadata.of(other, 8, 1, 0, "", ""), robot,
                "robot")).isInstanceOf(PolicyException.class).hasMessageContaining("plugin 'robot'");
    }

    @Test
    void theShippedLocomotionModelOpensOnTheRobotWhenItExists() {
        Assumptions.assumeTrue(Files.isRegularFile(SHIPPED), "models/locomotion.onnx is not there yet");
        EnvSpec robot = new RobotPlugin().configureDefaults().spec();
        try (OnnxPolicy policy = OnnxPolicy.open(SHIPPED, PolicyOptions.defaults(), robot, "robot")) {
            assertThat(policy.name()).isEqualTo("locomotion.onnx");
        }
    }
}
