package dev.metapilot.robot.bridge;

import static dev.metapilot.bridge.testing.LoopbackRig.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.bridge.host.LinkSettings;
import dev.metapilot.bridge.mcu.McuServer;
import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.bridge.message.Capability;
import dev.metapilot.bridge.testing.Await;
import dev.metapilot.bridge.testing.FaultyTransport;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.RobotGeometry;
import dev.metapilot.robot.testing.WheelHardware;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge drive against the firmware bridge's MCU side over TCP on 127.0.0.1. */
class BridgeDriveIOTest {

    /** Thresholds no scheduling hiccup on a loaded machine reaches, except the stale limit the stale test needs. */
    private static final LinkSettings SETTINGS = LinkSettings.builder().heartbeatPeriod(ms(20)).commandTtl(ms(500))
            .staleAfter(ms(150)).peerTimeout(ms(3000)).handshakeTimeout(ms(1000)).backoff(ms(20), ms(160))
            .sensorRateHz(200).build();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final WheelHardware hardware = new WheelHardware();
    private volatile FaultyTransport mcuSide;
    private final McuServer server = start();
    private final BridgeDriveIO io = BridgeDriveIO.open(server.linkAddress(), SETTINGS, RobotGeometry.STANDARD
            .encoder(), 150_000_000L);
    private final DriveInputs inputs = new DriveInputs();

    private McuServer start() {
        try {
            return McuServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), McuSettings.defaults()
                    .withCapabilities(Capability.maskOf(Capability.ENCODERS, Capability.IMU,
                            Capability.ESTOP_INPUT)),
                    hardware, t -> mcuSide = new FaultyTransport(t, 1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        io.close();
        server.close();
    }

    @Test
    void commandsReachTheMotorsAndEncoderTicksOverMcuTimeBecomeSpeeds() throws Exception {
        Await.until("healthy", WAIT, () -> io.health().healthy());
        assertThat(io.setMotors(0.4f, 0.8f)).isTrue();
        Await.until("the MCU drives the command", WAIT, () -> Math.abs(hardware.left() - 0.4f) < 1e-4f && Math.abs(
                hardware.right() - 0.8f) < 1e-4f);
        Await.until("wheel speeds of 0.2 and 0.4 m/s", WAIT, () -> {
            io.updateInputs(inputs);
            return Math.abs(inputs.leftSpeed - 0.2) < 0.02 && Math.abs(inputs.rightSpeed - 0.4) < 0.02;
        });
        assertThat(inputs.connected).isTrue();
        assertThat(inputs.yawRate).isEqualTo((0.4 - 0.2) / 0.16, within(0.002));
        assertThat(inputs.forwardAcceleration).isZero();
        assertThat(inputs.appliedLeft).isEqualTo(0.4, within(1e-4));
        assertThat(inputs.appliedRight).isEqualTo(0.8, within(1e-4));
        assertThat(inputs.rightCounts).isGreaterThan(inputs.leftCounts).isPositive();
        assertThat(inputs.rightPosition).isEqualTo(inputs.rightCounts * RobotGeometry.STANDARD.encoder()
                .metresPerCount(), within(1e-12));
        assertThat(inputs.estop).isFalse();

        io.stop();
        Await.until("motors at zero", WAIT, () -> hardware.left() == 0f && hardware.right() == 0f);
        Await.until("wheels at rest", WAIT, () -> {
            io.updateInputs(inputs);
            return inputs.leftSpeed == 0 && inputs.rightSpeed == 0;
        });
        assertThat(io.stats().rejectedTotal()).isZero();
    }

    @Test
    void anEStopOnTheMcuIsAnEStopFaultThatThePluginDoesNotRelease() throws Exception {
        Await.until("healthy", WAIT, () -> io.health().healthy());
        io.setMotors(0.5f, 0.5f);
        Await.until("driving", WAIT, () -> hardware.left() > 0);
        hardware.pressButton(true);
        Await.until("e-stop reported", WAIT, () -> io.health().fault() == Fault.ESTOP);
        assertThat(hardware.left()).isZero();
        assertThat(io.setMotors(0.5f, 0.5f)).isFalse();
        io.updateInputs(inputs);
        assertThat(inputs.estop).isTrue();

        hardware.pressButton(false);
        io.clearLatchedFaults();
        Thread.sleep(50);
        assertThat(io.health().fault()).as("the MCU's latch needs a deliberate release").isEqualTo(Fault.ESTOP);
        assertThat(server.endpoint().estopLatched()).isTrue();
    }

    @Test
    void silentSensorsAreStaleAndALostLinkIsLinkDown() throws Exception {
        Await.until("healthy", WAIT, () -> io.health().healthy());
        mcuSide.dropWrites(true);
        Await.until("stale sensors", WAIT, () -> io.health().fault() == Fault.STALE_SENSORS);
        assertThat(io.health().detail()).contains("no sensor frame from tcp://127.0.0.1:");
        assertThat(io.setMotors(0.5f, 0.5f)).as("held at zero while stale").isFalse();

        server.close();
        Await.until("link down", WAIT, () -> io.health().fault() == Fault.LINK_DOWN);
        assertThat(io.health().detail()).startsWith("link to tcp://127.0.0.1:");
        io.stop();
        assertThat(io.setMotors(0.1f, 0.1f)).isFalse();
    }

    @Test
    void closingStopsTheMotorsAndReportsTheLinkClosed() throws Exception {
        Await.until("healthy", WAIT, () -> io.health().healthy());
        io.setMotors(0.3f, 0.3f);
        Await.until("driving", WAIT, () -> hardware.left() > 0);
        io.close();
        Await.until("zero sent on close", WAIT, () -> hardware.left() == 0f);
        assertThat(io.health().fault()).isEqualTo(Fault.LINK_DOWN);
        assertThat(io.health().detail()).contains("closed");
        io.stop();
        io.close();
    }
}
