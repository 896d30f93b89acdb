package dev.metapilot.bridge.mcu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.Capability;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.Heartbeat;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.Message;
import dev.metapilot.bridge.message.MessageCodec;
import dev.metapilot.bridge.message.MessageReader;
import dev.metapilot.bridge.message.MessageWriter;
import dev.metapilot.bridge.message.MotorCommand;
import dev.metapilot.bridge.message.Role;
import dev.metapilot.bridge.message.SensorState;
import dev.metapilot.bridge.testing.RecordingHardware;
import dev.metapilot.bridge.testing.WireFrames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MCU state machine on a simulated clock: every timing rule of PROTOCOL.md, deterministically. */
class McuEndpointTest {

    private static final long MS = 1_000_000L;

    private final RecordingHardware hardware = new RecordingHardware();
    private final List<Message> sent = new ArrayList<>();
    private final MessageReader hostSide = new MessageReader(Role.HOST, FrameFormat.VERSION,
            new MessageReader.Handler() {
                @Override
                public void onMessage(Frame frame, Message message) {
                    sent.add(message);
                }

                @Override
                public void onReject(FrameFault fault) {
                    throw new AssertionError("the MCU sent a bad frame: " + fault);
                }
            });
    private final McuEndpoint mcu = new McuEndpoint(McuSettings.defaults(), hardware, (b, off, len) -> hostSide
            .accept(b, off, len), 0);
    private final MessageWriter host = new MessageWriter(FrameFormat.VERSION);
    private long now;

    private void fromHost(Message m) {
        byte[] w = WireFrames.wire(host, m);
        mcu.receive(w, 0, w.length, now);
    }

    private void runTo(long nanos) {
        for (; now <= nanos; now += MS) {
            mcu.tick(now);
        }
        now = nanos;
    }

    private <T extends Message> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void handshake(int rateHz) {
        fromHost(new Hello(1, Role.HOST, false, 0, 0, rateHz, 0));
    }

    @Test
    void aHostHelloOpensTheSessionAndIsAnswered() {
        assertThat(mcu.sessionOpen()).isFalse();
        handshake(200);
        assertThat(mcu.sessionOpen()).isTrue();
        assertThat(sent).first().isEqualTo(new Hello(1, Role.MCU, true, Capability.maskOf(Capability.ENCODERS,
                Capability.IMU), Hello.softwareVersion(0, 1, 0), 200, 500));
    }

    @Test
    void aHostHelloOfAnotherVersionGetsTheMcuHelloAndNoSession() {
        byte[] w = WireFrames.wire(new MessageWriter(2), new Hello(2, Role.HOST, false, 0, 0, 100, 0));
        mcu.receive(w, 0, w.length, now);
        assertThat(mcu.sessionOpen()).isFalse();
        assertThat(sent).singleElement().isInstanceOf(Hello.class).extracting(m -> ((Hello) m).protocolVersion())
                .isEqualTo(1);
    }

    @Test
    void sensorFramesStreamAtTheNegotiatedRateWithTheMcuClock() {
        handshake(200);
        runTo(99 * MS);
        List<SensorState> frames = sent(SensorState.class);
        assertThat(frames).hasSize(20);
        assertThat(frames.get(1).mcuTimeUs() - frames.get(0).mcuTimeUs()).isEqualTo(5000);
        assertThat(frames.get(3).leftTicks()).isEqualTo(4);
        assertThat(frames.get(0).accel().z()).isEqualTo(9.81f);
        assertThat(mcu.sensorFrames()).isEqualTo(20);
    }

    @Test
    void aRateAboveTheMaximumIsCappedAndZeroMeansTheDefault() {
        fromHost(new Hello(1, Role.HOST, false, 0, 0, 5000, 0));
        assertThat(sent(Hello.class).getLast().sensorRateHz()).isEqualTo(1000);
        handshake(0);
        assertThat(sent(Hello.class).getLast().sensorRateHz()).isEqualTo(100);
    }

    @Test
    void commandsBeforeTheHandshakeAreRefusedWithOneFaultPerHundredMilliseconds() {
        fromHost(new MotorCommand(0.5f, 0.5f, 100));
        now = 50 * MS;
        fromHost(new MotorCommand(0.5f, 0.5f, 100));
        assertThat(hardware.drives()).isEmpty();
        assertThat(sent(Fault.class)).singleElement().extracting(Fault::kind).isEqualTo(FaultCode.NO_SESSION);
        now = 150 * MS;
        fromHost(new MotorCommand(0.5f, 0.5f, 100));
        assertThat(sent(Fault.class)).hasSize(2);
    }

    @Test
    void aCommandRunsForItsTtlThenTheMotorsStopWithOneFault() {
        handshake(100);
        now = 10 * MS;
        fromHost(new MotorCommand(0.5f, -0.5f, 100));
        assertThat(hardware.last().left()).isEqualTo(16384 / 32767f);
        assertThat(hardware.last().right()).isEqualTo(-16384 / 32767f);
        runTo(109 * MS);
        assertThat(mcu.leftOutput()).isNotZero();
        runTo(110 * MS);
        assertThat(hardware.last().stopped()).isTrue();
        assertThat(hardware.last().nanos()).isEqualTo(110 * MS);
        assertThat(mcu.watchdogTripped()).isTrue();
        runTo(300 * MS);
        assertThat(sent(Fault.class)).singleElement().isEqualTo(new Fault(FaultCode.TTL_EXPIRED, 100));
        assertThat(sent(SensorState.class).getLast().watchdogStopped()).isTrue();
        assertThat(sent(SensorState.class).getLast().appliedLeft()).isZero();
        assertThat(mcu.ttlExpiries()).isEqualTo(1);

        fromHost(new MotorCommand(0.25f, 0.25f, 100));
        assertThat(mcu.watchdogTripped()).isFalse();
        assertThat(mcu.leftOutput()).isEqualTo(MessageCodec.q15(0.25f) / MessageCodec.Q15);
    }

    @Test
    void eachNewCommandRestartsTheTtl() {
        handshake(100);
        for (int i = 0; i < 10; i++) {
            fromHost(new MotorCommand(0.3f, 0.3f, 50));
            runTo(now + 40 * MS);
        }
        assertThat(mcu.ttlExpiries()).isZero();
        assertThat(mcu.commandsApplied()).isEqualTo(10);
        runTo(now + 10 * MS);
        assertThat(mcu.ttlExpiries()).isEqualTo(1);
    }

    @Test
    void theTtlIsCappedAtTheMcuMaximum() {
        handshake(100);
        fromHost(new MotorCommand(0.5f, 0.5f, 60_000));
        runTo(499 * MS);
        assertThat(mcu.leftOutput()).isNotZero();
        runTo(500 * MS);
        assertThat(mcu.leftOutput()).isZero();
    }

    @Test
    void aZeroCommandExpiresWithoutAFault() {
        handshake(100);
        fromHost(MotorCommand.stop(100));
        runTo(200 * MS);
        assertThat(mcu.watchdogTripped()).isTrue();
        assertThat(sent(Fault.class)).isEmpty();
    }

    @Test
    void aHostEStopLatchesUntilReleasedAndTheMotorsWaitForANewCommand() {
        handshake(100);
        fromHost(new MotorCommand(0.5f, 0.5f, 1000));
        fromHost(new EStop(true, EStop.Source.HOST));
        int engageSeq = host.lastSeq();
        assertThat(hardware.last().stopped()).isTrue();
        assertThat(mcu.estopLatched()).isTrue();
        assertThat(sent(EStop.class)).containsExactly(new EStop(true, EStop.Source.HOST));
        assertThat(sent(Ack.class)).containsExactly(new Ack(engageSeq, MessageType.ESTOP, Ack.Result.OK));

        fromHost(new MotorCommand(0.5f, 0.5f, 1000));
        runTo(20 * MS);
        assertThat(mcu.leftOutput()).isZero();
        assertThat(sent(SensorState.class).getLast().estopEngaged()).isTrue();

        fromHost(new EStop(false, EStop.Source.HOST));
        assertThat(mcu.estopLatched()).isFalse();
        assertThat(sent(EStop.class)).last().isEqualTo(new EStop(false, EStop.Source.HOST));
        runTo(40 * MS);
        assertThat(mcu.leftOutput()).as("still zero after the release").isZero();
        fromHost(new MotorCommand(0.5f, 0.5f, 1000));
        assertThat(mcu.leftOutput()).isNotZero();
    }

    @Test
    void theButtonLatchesTheEStopAndAReleaseIsRefusedWhileItIsPressed() {
        handshake(100);
        fromHost(new MotorCommand(0.5f, 0.5f, 1000));
        hardware.pressButton(true);
        runTo(2 * MS);
        assertThat(mcu.estopLatched()).isTrue();
        assertThat(hardware.last().stopped()).isTrue();
        assertThat(sent(EStop.class)).containsExactly(new EStop(true, EStop.Source.BUTTON));
        fromHost(new EStop(false, EStop.Source.HOST));
        assertThat(sent(Ack.class).getLast().result()).isEqualTo(Ack.Result.REFUSED);
        assertThat(mcu.estopLatched()).isTrue();
        hardware.pressButton(false);
        runTo(4 * MS);
        assertThat(mcu.estopLatched()).as("the latch holds after the button is let go").isTrue();
        fromHost(new EStop(false, EStop.Source.HOST));
        assertThat(sent(Ack.class).getLast().result()).isEqualTo(Ack.Result.OK);
        assertThat(mcu.estopLatched()).isFalse();
    }

    @Test
    void heartbeatsAreAnswered() {
        handshake(100);
        now = 1234 * MS;
        fromHost(new Heartbeat(7));
        assertThat(sent(Heartbeat.class)).containsExactly(new Heartbeat(1234));
        assertThat(mcu.heartbeats()).isEqualTo(1);
    }

    @Test
    void rejectedFramesAreReportedAtMostOncePerPeriod() {
        handshake(100);
        byte[] junk = {5, 1, 2, 3, 4, 0, 3, 3, 0};
        mcu.receive(junk, 0, junk.length, now);
        runTo(1 * MS);
        assertThat(sent(Fault.class)).singleElement().isEqualTo(new Fault(FaultCode.BAD_FRAMES, 2));
        mcu.receive(junk, 0, junk.length, now);
        runTo(500 * MS);
        assertThat(sent(Fault.class)).hasSize(1);
        runTo(1001 * MS);
        assertThat(sent(Fault.class)).last().isEqualTo(new Fault(FaultCode.BAD_FRAMES, 2));
        assertThat(mcu.rejectedFrames()).isEqualTo(4);
    }

    @Test
    void aLostConnectionEndsTheSessionButTheOutputsRunUntilTheirTtl() {
        handshake(100);
        fromHost(new MotorCommand(0.5f, 0.5f, 200));
        mcu.connectionLost();
        assertThat(mcu.sessionOpen()).isFalse();
        int frames = sent(SensorState.class).size();
        runTo(199 * MS);
        assertThat(mcu.leftOutput()).isNotZero();
        assertThat(sent(SensorState.class)).as("no stream without a session").hasSize(frames);
        runTo(200 * MS);
        assertThat(mcu.leftOutput()).isZero();
    }

    @Test
    void aRestartStopsEverythingAndAnnouncesTheMcu() {
        handshake(100);
        fromHost(new MotorCommand(0.5f, 0.5f, 200));
        fromHost(new EStop(true, EStop.Source.HOST));
        mcu.restart(now);
        assertThat(mcu.sessionOpen()).isFalse();
        assertThat(mcu.estopLatched()).isFalse();
        assertThat(mcu.leftOutput()).isZero();
        assertThat(sent(Hello.class).getLast().reply()).isFalse();
    }

    @Test
    void nanosUntilDueNamesTheTtlDeadlineAndTheNextSensorFrame() {
        assertThat(mcu.nanosUntilDue(0)).isEqualTo(5 * MS);
        handshake(1000);
        mcu.tick(0);
        assertThat(mcu.nanosUntilDue(0)).isEqualTo(1 * MS);
        fromHost(new MotorCommand(0.5f, 0.5f, 1));
        assertThat(mcu.nanosUntilDue(0)).isEqualTo(1 * MS);
    }
}
