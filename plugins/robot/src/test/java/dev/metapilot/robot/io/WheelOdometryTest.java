package dev.metapilot.robot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Counts over sample time become speeds, as the simulated sensors compute them. */
class WheelOdometryTest {

    private final WheelOdometry odometry = new WheelOdometry(RobotGeometry.STANDARD.encoder());
    private final double mpc = RobotGeometry.STANDARD.encoder().metresPerCount();

    @Test
    void speedIsTheCountChangeOverTheSampleInterval() {
        odometry.update(100, -100, 1_000_000_000L);
        assertThat(odometry.leftSpeed()).as("the first sample is the reference").isZero();
        odometry.update(110, -120, 1_050_000_000L);
        assertThat(odometry.leftSpeed()).isEqualTo(10 * mpc / 0.05, within(1e-12));
        assertThat(odometry.rightSpeed()).isEqualTo(-20 * mpc / 0.05, within(1e-12));
        odometry.update(999, 999, 1_050_000_000L);
        assertThat(odometry.leftSpeed()).as("a sample without new time is no information").isEqualTo(10 * mpc
                / 0.05, within(1e-12));
        odometry.update(110, -120, 1_100_000_000L);
        assertThat(odometry.leftSpeed()).isZero();
        assertThat(odometry.position(1000)).isEqualTo(1000 * mpc, within(1e-12));
        odometry.reset();
        assertThat(odometry.leftSpeed()).isZero();
        odometry.update(0, 0, 5);
        assertThat(odometry.leftSpeed()).as("re-primed").isZero();
    }
}
