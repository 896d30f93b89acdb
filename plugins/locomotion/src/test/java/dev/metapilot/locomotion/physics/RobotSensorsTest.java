package dev.metapilot.locomotion.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.locomotion.tracking.SensorReadings;
import org.junit.jupiter.api.Test;

class RobotSensorsTest {

    private static final double PERIOD = 0.05;

    private static DifferentialDrive drive(DriveDynamics d) {
        DifferentialDrive drive = new DifferentialDrive(RobotBody.STANDARD, PERIOD, 10);
        drive.setDynamics(d);
        return drive;
    }

    @Test
    void encoderSpeedsAreWholeCountsPerPeriodAndAverageToTheTrueSpeed() {
        DifferentialDrive drive = drive(DriveDynamics.NOMINAL);
        RobotSensors sensors = new RobotSensors(RobotBody.STANDARD, true);
        SensorReadings readings = new SensorReadings();
        sensors.reset(3, drive);
        double countSpeed = sensors.encoder().metresPerCount() / PERIOD;
        double sum = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
            drive.advance(0.37, 0.37);
            sensors.sample(drive, readings);
            double counts = readings.leftWheelSpeed() / countSpeed;
            assertThat(counts).isCloseTo(Math.rint(counts), within(1e-9));
            assertThat(Math.abs(readings.leftWheelSpeed() - drive.speed())).isLessThanOrEqualTo(countSpeed + 0.05);
            sum += readings.leftWheelSpeed();
        }
        // The counts telescope: the mean measured speed is the travel over the time, to one count.
        assertThat(sum / n).isCloseTo(drive.leftTravel() / (n * PERIOD), within(countSpeed / n + 1e-12));
    }

    @Test
    void exactSensorsReadTheTruthPlusBiasesOnly() {
        DriveDynamics d = new DriveDynamics(0, 1, 1, 0, 0.03, 0, 0.02, 3, 0.015, -0.1);
        DifferentialDrive drive = drive(d);
        RobotSensors sensors = new RobotSensors(RobotBody.STANDARD, false);
        SensorReadings readings = new SensorReadings();
        sensors.reset(1, drive);
        sensors.sample(drive, readings);
        assertThat(readings.leftWheelSpeed()).isZero();
        assertThat(readings.yawRate()).isEqualTo(0.015);
        assertThat(readings.forwardAcceleration()).isCloseTo(
                DifferentialDrive.GRAVITY * Math.sin(Math.toRadians(3)) - 0.1, within(1e-12));
        drive.advance(-0.4, 0.4);
        sensors.sample(drive, readings);
        assertThat(readings.yawRate()).isEqualTo(drive.meanYawRate() + 0.015);
    }

    @Test
    void noiseIsSeededByTheResetAndHasTheDocumentedSpread() {
        DriveDynamics d = new DriveDynamics(0, 1, 1, 0, 0.03, 0, 0.02, 0, 0.01, 0.2);
        double[] a = gyroTrace(d, 5);
        double[] b = gyroTrace(d, 5);
        double[] c = gyroTrace(d, 6);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        double mean = 0;
        for (double v : a) {
            mean += v / a.length;
        }
        double var = 0;
        for (double v : a) {
            var += (v - mean) * (v - mean) / (a.length - 1);
        }
        assertThat(mean).as("gyro bias").isCloseTo(0.01, within(4 * RobotSensors.GYRO_NOISE / Math.sqrt(a.length)));
        assertThat(Math.sqrt(var)).isCloseTo(RobotSensors.GYRO_NOISE, within(0.15 * RobotSensors.GYRO_NOISE));
    }

    private static double[] gyroTrace(DriveDynamics d, long seed) {
        DifferentialDrive drive = drive(d);
        RobotSensors sensors = new RobotSensors(RobotBody.STANDARD, true);
        SensorReadings readings = new SensorReadings();
        sensors.reset(seed, drive);
        double[] out = new double[2000];
        for (int i = 0; i < out.length; i++) {
            drive.advance(0, 0);
            sensors.sample(drive, readings);
            out[i] = readings.yawRate();
        }
        return out;
    }
}
