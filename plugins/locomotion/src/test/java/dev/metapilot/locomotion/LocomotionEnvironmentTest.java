package dev.metapilot.locomotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Action;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.locomotion.physics.DifferentialDrive;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.tracking.DriveObservation;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.locomotion.tracking.TrackingReward;
import org.junit.jupiter.api.Test;

class LocomotionEnvironmentTest {

    private static final LocomotionConfig EXACT = new LocomotionConfig(TargetFamily.VELOCITY, 4, 5, 20, 200, false);
    private final LocomotionFactory factory = new LocomotionFactory(EXACT);
    private final LocomotionEnvironment env = factory.create();
    private final float[] obs = new float[DriveObservation.SIZE];
    private final Action action = Action.of(factory.spec().actionSpace());
    private final StepResult result = new StepResult();

    private static LocomotionTask task(DriveDynamics d, double speed, double heading) {
        return new LocomotionTask("t", "file", d, new DriveTarget(speed, heading));
    }

    private void command(float left, float right) {
        action.values()[0] = left;
        action.values()[1] = right;
        env.step(action, obs, result);
    }

    @Test
    void resetShowsARobotAtRestWithItsAccelerometerFeelingTheSlope() {
        env.setTask(task(new DriveDynamics(0, 1, 1, 0, 0.03, 0, 0.1, 3, 0.01, 0.05), 0.3, 0));
        env.reset(7, obs);
        assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).isZero();
        assertThat(obs[DriveObservation.RIGHT_WHEEL_SPEED]).isZero();
        assertThat(obs[DriveObservation.YAW_RATE]).isEqualTo(0.01f);
        assertThat((double) obs[DriveObservation.FORWARD_ACCELERATION]).isCloseTo(
                DifferentialDrive.GRAVITY * Math.sin(Math.toRadians(3)) + 0.05, within(1e-6));
        assertThat(obs[DriveObservation.HEADING_SIN]).isZero();
        assertThat(obs[DriveObservation.HEADING_COS]).isEqualTo(1f);
        assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).isZero();
    }

    @Test
    void episodesAreTruncatedAtTheHorizonWithSuccessOnlyOnTheLastStep() {
        env.setTask(task(DriveDynamics.NOMINAL, 0.3, 0));
        env.reset(1, obs);
        // Open loop: the command that holds 0.3 m/s on the nominal robot.
        float u = (float) (0.3 + 0.02 * 2 * DifferentialDrive.GRAVITY / (2 * 12.0));
        for (int i = 0; i < 99; i++) {
            command(u, u);
            assertThat(result.done()).isFalse();
            assertThat(result.success()).isFalse();
        }
        command(u, u);
        assertThat(result.truncated()).isTrue();
        assertThat(result.terminated()).isFalse();
        assertThat(result.success()).isTrue();
        assertThatThrownBy(() -> command(u, u)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRewardIsComputedFromTheObservedMotion() {
        env.setTask(task(DriveDynamics.NOMINAL, 0.25, 30));
        env.reset(1, obs);
        command(0.8f, 0.2f);
        double speed = 0.5 * (obs[DriveObservation.LEFT_WHEEL_SPEED] + obs[DriveObservation.RIGHT_WHEEL_SPEED]);
        double heading = Math.atan2(obs[DriveObservation.HEADING_SIN], obs[DriveObservation.HEADING_COS]);
        float expected = TrackingReward.of(speed - 0.25, heading - Math.toRadians(30), 0.8f, 0.2f, 0.05);
        assertThat((double) result.reward()).isCloseTo(expected, within(1e-6));
        assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).isEqualTo(0.8f);
    }

    @Test
    void commandsOutsideTheBoxAreClampedAndNanIsRefused() {
        env.setTask(task(DriveDynamics.NOMINAL, 0.3, 0));
        env.reset(1, obs);
        command(5f, -3f);
        assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).isEqualTo(1f);
        assertThat(obs[DriveObservation.PREVIOUS_RIGHT_COMMAND]).isEqualTo(-1f);
        assertThatThrownBy(() -> command(Float.NaN, 0f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameSeedGivesTheSameEpisodeAndTheTaskStaysAcrossResets() {
        LocomotionFactory noisy = new LocomotionFactory(LocomotionConfig.DEFAULT);
        Task task = noisy.tasks().sample(Split.TEST, 5);
        float[] a = episode(noisy, task, 11);
        float[] b = episode(noisy, task, 11);
        float[] c = episode(noisy, task, 12);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static float[] episode(LocomotionFactory f, Task task, long seed) {
        try (LocomotionEnvironment e = f.create()) {
            float[] o = new float[DriveObservation.SIZE];
            float[] trace = new float[100 * DriveObservation.SIZE];
            Action a = Action.of(f.spec().actionSpace());
            StepResult r = new StepResult();
            e.setTask(task);
            e.reset(seed, o);
            for (int i = 0; i < 100; i++) {
                a.values()[0] = (float) Math.sin(i / 7.0);
                a.values()[1] = (float) Math.cos(i / 5.0);
                e.step(a, o, r);
                System.arraycopy(o, 0, trace, i * o.length, o.length);
            }
            return trace;
        }
    }

    @Test
    void misuseIsRefused() {
        assertThatThrownBy(() -> env.reset(0, obs)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> command(0, 0)).isInstanceOf(IllegalStateException.class);
        Task foreign = () -> "maze-1";
        assertThatThrownBy(() -> env.setTask(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maze-1");
        assertThatThrownBy(() -> new LocomotionEnvironment(new LocomotionFactory(LocomotionConfig.DEFAULT).spec(),
                new LocomotionConfig(TargetFamily.VELOCITY, 4, 2, 20, 200, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
