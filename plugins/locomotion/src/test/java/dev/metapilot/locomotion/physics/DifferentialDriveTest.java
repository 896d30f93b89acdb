package dev.metapilot.locomotion.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DifferentialDriveTest {

    private static final RobotBody BODY = RobotBody.STANDARD;
    private static final double PERIOD = 0.05;
    private static final double G = DifferentialDrive.GRAVITY;

    private static DriveDynamics dynamics(double payload, double leftGain, double rightGain, double deadband,
            int latency, double friction, double slope) {
        return new DriveDynamics(payload, leftGain, rightGain, deadband, 0.03, latency, friction, slope, 0, 0);
    }

    private static DifferentialDrive drive(DriveDynamics d) {
        DifferentialDrive drive = new DifferentialDrive(BODY, PERIOD, 50);
        drive.setDynamics(d);
        return drive;
    }

    private static void run(DifferentialDrive drive, double left, double right, int ticks) {
        for (int i = 0; i < ticks; i++) {
            drive.advance(left, right);
        }
    }

    @Test
    void zeroCommandOnFlatGroundStaysExactlyStill() {
        DifferentialDrive drive = drive(dynamics(1, 0.8, 1.2, 0.05, 1, 0.02, 0));
        run(drive, 0, 0, 100);
        assertThat(drive.speed()).isZero();
        assertThat(drive.yawRate()).isZero();
        assertThat(drive.x()).isZero();
        assertThat(drive.y()).isZero();
        assertThat(drive.meanSpecificForce()).isZero();
    }

    @Test
    void zeroCommandOnASlopeSteeperThanTheFrictionAngleRollsBackAtTheMotorsBrakingSpeed() {
        double slope = Math.toRadians(8);
        double friction = 0.02;
        DifferentialDrive drive = drive(dynamics(1, 1, 1, 0, 0, friction, 8));
        run(drive, 0, 0, 100);
        // Short-circuit braking: 2 * stallForce * |v| / freeSpeed balances weight down the slope minus friction.
        double mass = BODY.baseMass() + 1;
        double expected = -BODY.freeSpeed() * mass * G * (Math.sin(slope) - friction * Math.cos(slope))
                / (2 * BODY.stallForce());
        assertThat(drive.speed()).isNegative().isCloseTo(expected, within(1e-6));
        assertThat(drive.x()).isNegative();
        assertThat(drive.y()).isZero();
    }

    @Test
    void zeroCommandOnASlopeGentlerThanTheFrictionAngleIsHeldByFriction() {
        // atan(0.04) = 2.29 degrees
        DifferentialDrive drive = drive(dynamics(0, 1, 1, 0, 0, 0.04, 2));
        run(drive, 0, 0, 100);
        assertThat(drive.speed()).isZero();
        assertThat(drive.x()).isZero();
        assertThat(drive.meanSpecificForce()).as("accelerometer reads g sin(slope)")
                .isCloseTo(G * Math.sin(Math.toRadians(2)), within(1e-12));
    }

    @Test
    void steadySpeedOnFlatGroundMatchesTheMotorLawWithFriction() {
        double u = 0.6;
        double payload = 0.5;
        double friction = 0.03;
        DifferentialDrive drive = drive(dynamics(payload, 1, 1, 0, 0, friction, 0));
        run(drive, u, u, 60);
        double mass = BODY.baseMass() + payload;
        double expected = BODY.freeSpeed() * (u - friction * mass * G / (2 * BODY.stallForce()));
        assertThat(drive.speed()).isCloseTo(expected, within(1e-9));
        assertThat(drive.meanSpecificForce()).isCloseTo(0, within(1e-9));
    }

    @Test
    void equalCommandsAndEqualGainsDriveAStraightLine() {
        DifferentialDrive drive = drive(dynamics(1.3, 1.1, 1.1, 0.05, 1, 0.03, 5));
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            double u = rng.nextDouble(-1, 1);
            drive.advance(u, u);
        }
        assertThat(drive.y()).isZero();
        assertThat(drive.heading()).isZero();
        assertThat(drive.leftTravel()).isEqualTo(drive.rightTravel());
    }

    @Test
    void aWeakerLeftMotorTurnsTheRobotLeftAtTheRateTheGainsPredict() {
        double u = 0.5;
        DifferentialDrive drive = drive(dynamics(0, 0.8, 1.2, 0, 0, 0.0, 0));
        run(drive, u, u, 60);
        // Without friction the wheels reach their free speeds: gain * u * freeSpeed each.
        double expected = BODY.freeSpeed() * u * (1.2 - 0.8) / BODY.trackWidth();
        assertThat(drive.yawRate()).isCloseTo(expected, within(1e-6));
        assertThat(drive.speed()).isCloseTo(BODY.freeSpeed() * u, within(1e-6));
        assertThat(drive.heading()).isPositive();
        assertThat(drive.y()).isPositive();
    }

    @Test
    void commandsWithinTheDeadBandGiveNoMotionAndLargerOnesDo() {
        DifferentialDrive drive = drive(dynamics(0, 1, 1, 0.1, 0, 0.01, 0));
        run(drive, 0.1, -0.1, 40);
        run(drive, -0.099, 0.05, 40);
        assertThat(drive.x()).isZero();
        assertThat(drive.heading()).isZero();
        assertThat(drive.leftDrive()).isZero();
        run(drive, 0.2, 0.2, 40);
        assertThat(drive.speed()).isPositive();
        // Above the band the command is rescaled: 0.2 with a 0.1 band drives like 0.1/0.9 without one.
        assertThat(drive.leftDrive()).isCloseTo(0.1 / 0.9, within(1e-9));
    }

    @Test
    void driveSaturatesAtFullVoltage() {
        DriveDynamics strong = dynamics(0, 1.25, 1.25, 0, 0, 0.02, 0);
        DifferentialDrive a = drive(strong);
        DifferentialDrive b = drive(strong);
        DifferentialDrive c = drive(strong);
        run(a, 0.8, 0.8, 40);
        run(b, 1.0, 1.0, 40);
        run(c, 0.6, 0.6, 40);
        assertThat(a.speed()).isEqualTo(b.speed());
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.leftDrive()).isCloseTo(1, within(1e-12));
        assertThat(c.speed()).isLessThan(a.speed() - 0.1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void latencyDelaysTheResponseByExactlyTheConfiguredTicks(int latency) {
        DifferentialDrive immediate = drive(dynamics(0.4, 0.9, 1.1, 0.02, 0, 0.02, 0));
        DifferentialDrive delayed = drive(dynamics(0.4, 0.9, 1.1, 0.02, latency, 0.02, 0));
        SplittableRandom rng = new SplittableRandom(9);
        int ticks = 60;
        double[][] commands = new double[ticks][];
        double[] immediateX = new double[ticks];
        double[] immediateHeading = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            commands[i] = new double[]{rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            immediate.advance(commands[i][0], commands[i][1]);
            immediateX[i] = immediate.x();
            immediateHeading[i] = immediate.heading();
        }
        for (int i = 0; i < ticks; i++) {
            delayed.advance(commands[i][0], commands[i][1]);
            if (i < latency) {
                assertThat(delayed.x()).as("tick %d", i).isZero();
                assertThat(delayed.heading()).as("tick %d", i).isZero();
            } else {
                assertThat(delayed.x()).as("tick %d", i).isEqualTo(immediateX[i - latency]);
                assertThat(delayed.heading()).as("tick %d", i).isEqualTo(immediateHeading[i - latency]);
            }
        }
    }

    @Test
    void motorLagIsFirstOrderWithTheConfiguredTimeConstant() {
        DriveDynamics d = new DriveDynamics(0, 1, 1, 0, 0.08, 0, 0.02, 0, 0, 0);
        DifferentialDrive drive = drive(d);
        drive.advance(1, 1);
        assertThat(drive.leftDrive()).isCloseTo(1 - Math.exp(-PERIOD / 0.08), within(1e-12));
        drive.advance(1, 1);
        assertThat(drive.leftDrive()).isCloseTo(1 - Math.exp(-2 * PERIOD / 0.08), within(1e-12));
    }

    @Test
    void heavierPayloadAcceleratesMoreSlowly() {
        DifferentialDrive light = drive(dynamics(0, 1, 1, 0, 0, 0.02, 0));
        DifferentialDrive heavy = drive(dynamics(2.5, 1, 1, 0, 0, 0.02, 0));
        run(light, 1, 1, 3);
        run(heavy, 1, 1, 3);
        assertThat(heavy.speed()).isLessThan(light.speed() - 0.05);
    }

    @Test
    void theSlopeActsAlongTheHeadingOnly() {
        // Friction steeper than the slope (atan 0.2 = 11.3 degrees) holds the robot still at any heading.
        DifferentialDrive drive = drive(dynamics(0, 1, 1, 0, 0, 0.2, 10));
        double uphill = G * Math.sin(Math.toRadians(10));
        assertThat(drive.meanSpecificForce()).isCloseTo(uphill, within(1e-12));
        while (drive.heading() < 2) {
            drive.advance(-0.5, 0.5);
        }
        run(drive, 0, 0, 40);
        assertThat(drive.speed()).isZero();
        assertThat(drive.yawRate()).isZero();
        assertThat(drive.meanSpecificForce()).as("accelerometer at rest reads g sin(slope) cos(heading)")
                .isCloseTo(uphill * Math.cos(drive.heading()), within(1e-9));
    }

    @Test
    void speedAndTurnRateStayBoundedUnderAnyCommands() {
        DriveDynamics extreme = new DriveDynamics(0, 2, 2, 0, 0.001, 0, 0, -30, 0, 0);
        DifferentialDrive drive = drive(extreme);
        SplittableRandom rng = new SplittableRandom(1);
        double maxSpeed = 0;
        double maxYaw = 0;
        for (int i = 0; i < 2000; i++) {
            double l = rng.nextBoolean() ? 1 : -1;
            double r = rng.nextBoolean() ? 1 : -1;
            drive.advance(l, r);
            maxSpeed = Math.max(maxSpeed, Math.abs(drive.speed()));
            maxYaw = Math.max(maxYaw, Math.abs(drive.yawRate()));
            assertThat(Double.isFinite(drive.x())).isTrue();
        }
        // Downhill on 30 degrees the motors brake against gravity: v = freeSpeed (1 + m g sin / (2 F_stall)).
        double bound = BODY.freeSpeed() * (1 + BODY.baseMass() * G * 0.5 / (2 * BODY.stallForce()));
        assertThat(maxSpeed).isLessThanOrEqualTo(bound + 1e-9);
        assertThat(maxYaw).isLessThanOrEqualTo(2 * BODY.freeSpeed() / BODY.trackWidth() + 1e-9);
    }

    @Test
    void halvingThePhysicsStepChangesTheTrajectoryLittle() {
        DriveDynamics d = new DriveDynamics(1.2, 0.85, 1.15, 0.05, 0.02, 1, 0.03, 4, 0, 0);
        double[] reference = trajectory(d, 400);
        double previous = Double.POSITIVE_INFINITY;
        for (int substeps : new int[]{10, 20, 50, 100}) {
            double[] t = trajectory(d, substeps);
            double position = Math.hypot(t[0] - reference[0], t[1] - reference[1]);
            assertThat(position).as("%d Hz vs 8 kHz after 5 s, metres", substeps * 20).isLessThan(1e-4)
                    .isLessThan(previous);
            assertThat(Math.abs(t[2] - reference[2])).as("heading, rad").isLessThan(1e-4);
            previous = position;
        }
    }

    private static double[] trajectory(DriveDynamics d, int substeps) {
        DifferentialDrive drive = new DifferentialDrive(BODY, PERIOD, substeps);
        drive.setDynamics(d);
        for (int i = 0; i < 100; i++) {
            double t = i * PERIOD;
            drive.advance(0.6 + 0.3 * Math.sin(t), 0.6 - 0.3 * Math.cos(2 * t));
        }
        return new double[]{drive.x(), drive.y(), drive.heading()};
    }

    @Test
    void resetPutsTheRobotBackAtRest() {
        DifferentialDrive drive = drive(dynamics(0, 1, 1, 0, 2, 0.02, 3));
        run(drive, 1, 0.5, 20);
        drive.reset();
        assertThat(drive.speed()).isZero();
        assertThat(drive.x()).isZero();
        assertThat(drive.heading()).isZero();
        assertThat(drive.leftDrive()).isZero();
        drive.advance(0, 0);
        drive.advance(0, 0);
        assertThat(drive.leftDrive()).as("latency queue emptied").isZero();
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> new DifferentialDrive(BODY, 0, 10)).hasMessageContaining("controlPeriod");
        assertThatThrownBy(() -> new DifferentialDrive(BODY, 0.05, 0)).hasMessageContaining("substeps");
        assertThatThrownBy(() -> new DifferentialDrive(BODY, 0.05, 10).advance(0, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DriveDynamics(25, 1, 1, 0, 0.03, 0, 0.02, 0, 0, 0))
                .hasMessage("payload_kg must be a number in [0, 20], got 25.0");
        assertThatThrownBy(() -> new DriveDynamics(0, 1, 1, 0, 0.03, 11, 0.02, 0, 0, 0))
                .hasMessageContaining("latency_ticks must be an integer in [0, 10]");
        assertThatThrownBy(() -> new DriveDynamics(0, Double.NaN, 1, 0, 0.03, 0, 0.02, 0, 0, 0))
                .hasMessageContaining("left_gain");
    }
}
