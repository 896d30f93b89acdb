package dev.metapilot.locomotion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrackingEpisodeTest {

    private static final double DT = 0.05;
    private final float[] obs = new float[DriveObservation.SIZE];
    private final SensorReadings readings = new SensorReadings();

    @Test
    void rewardIsTheDocumentedFormula() {
        float r = TrackingReward.of(0.1, -0.5, 0.5f, -1f, DT);
        double expected = -DT * (0.1 / 0.25 + 0.5 / (Math.PI / 2) + 0.1 * (0.25 + 1) / 2);
        assertThat((double) r).isCloseTo(expected, within(1e-7));
        assertThat(TrackingReward.of(0, 0, 0f, 0f, DT)).isZero();
    }

    @Test
    void headingIsIntegratedFromTheGyroAndWrapped() {
        TrackingEpisode episode = new TrackingEpisode(DT);
        readings.set(0, 0, 0, 0);
        episode.begin(new DriveTarget(0, 0), readings, obs);
        assertThat(obs[DriveObservation.HEADING_COS]).isEqualTo(1f);
        readings.set(-0.1, 0.1, 2.0, 0);
        for (int i = 0; i < 40; i++) {
            episode.update(readings, DT, -0.1f, 0.1f, obs);
        }
        // 4 rad counter-clockwise is -2.28 rad
        assertThat(episode.heading()).isCloseTo(4 - 2 * Math.PI, within(1e-9));
        assertThat((double) obs[DriveObservation.HEADING_SIN]).isCloseTo(Math.sin(4), within(1e-6));
        assertThat((double) obs[DriveObservation.HEADING_COS]).isCloseTo(Math.cos(4), within(1e-6));
        assertThat(obs[DriveObservation.PREVIOUS_LEFT_COMMAND]).isEqualTo(-0.1f);
        assertThat(obs[DriveObservation.PREVIOUS_RIGHT_COMMAND]).isEqualTo(0.1f);
    }

    @Test
    void headingErrorWrapsTheShortWayRound() {
        TrackingEpisode episode = new TrackingEpisode(DT);
        readings.set(0, 0, 0, 0);
        episode.begin(new DriveTarget(0, 170), readings, obs);
        readings.set(0, 0, Math.toRadians(-170) / DT, 0);
        float r = episode.update(readings, DT, 0f, 0f, obs);
        // -170 degrees is 20 degrees from +170, not 340
        assertThat((double) r).isCloseTo(-DT * Math.toRadians(20) / (Math.PI / 2), within(1e-6));
    }

    @Test
    void successNeedsAFullSecondOfSmallErrors() {
        TrackingEpisode episode = new TrackingEpisode(DT);
        readings.set(0, 0, 0, 0);
        episode.begin(new DriveTarget(0.3, 0), readings, obs);
        readings.set(-0.5, -0.5, 0, 0);
        for (int i = 0; i < 30; i++) {
            episode.update(readings, DT, 0f, 0f, obs);
        }
        assertThat(episode.success()).isFalse();
        readings.set(0.32, 0.32, 0, 0);
        for (int i = 0; i < 19; i++) {
            episode.update(readings, DT, 0.3f, 0.3f, obs);
        }
        assertThat(episode.success()).as("one bad step left in the window").isFalse();
        episode.update(readings, DT, 0.3f, 0.3f, obs);
        assertThat(episode.success()).isTrue();
        assertThat(episode.recentSpeedError()).isCloseTo(0.02, within(1e-12));
        readings.set(0.4, 0.4, 0, 0);
        for (int i = 0; i < 20; i++) {
            episode.update(readings, DT, 0.3f, 0.3f, obs);
        }
        assertThat(episode.success()).isFalse();
    }

    @Test
    void observationsAreClampedToTheSensorRangesAndNanBecomesZero() {
        TrackingEpisode episode = new TrackingEpisode(DT);
        readings.set(5, -5, 100, Double.NaN);
        episode.begin(new DriveTarget(0, 0), readings, obs);
        assertThat(obs[DriveObservation.LEFT_WHEEL_SPEED]).isEqualTo(DriveObservation.MAX_WHEEL_SPEED);
        assertThat(obs[DriveObservation.RIGHT_WHEEL_SPEED]).isEqualTo(-DriveObservation.MAX_WHEEL_SPEED);
        assertThat(obs[DriveObservation.YAW_RATE]).isEqualTo(DriveObservation.MAX_YAW_RATE);
        assertThat(obs[DriveObservation.FORWARD_ACCELERATION]).isZero();
        assertThat(DriveObservation.space().contains(obs)).isTrue();
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> new TrackingEpisode(0)).hasMessageContaining("controlPeriod");
        assertThatThrownBy(() -> new TrackingEpisode(DT).update(readings, DT, 0f, 0f, obs))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DriveTarget(1.5, 0)).hasMessageContaining("velocity");
        assertThatThrownBy(() -> new DriveTarget(0, 181)).hasMessageContaining("heading");
        assertThatThrownBy(() -> new WheelEncoder(0, 0.03)).hasMessageContaining("countsPerRevolution");
        assertThatThrownBy(() -> DriveCommand.clamp(Float.NaN)).hasMessageContaining("NaN");
    }
}
