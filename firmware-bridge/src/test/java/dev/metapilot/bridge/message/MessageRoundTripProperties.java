package dev.metapilot.bridge.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.testing.WireFrames;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;

class MessageRoundTripProperties {

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    private static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    private static Arbitrary<Float> q15() {
        return Arbitraries.integers().between(-32767, 32767).map(q -> q / MessageCodec.Q15);
    }

    private static Arbitrary<Vector3> steps(float perUnit) {
        Arbitrary<Float> c = Arbitraries.shorts().map(s -> s / perUnit);
        return Combinators.combine(c, c, c).as(Vector3::new);
    }

    /** Every message type, with every field at values the wire represents exactly. */
    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Message> hello = Combinators.combine(Arbitraries.integers().between(1, 255), Arbitraries.of(
                Role.class), Arbitraries.of(true, false), u16(), Arbitraries.integers(), u16(), u16()).as(
                        Hello::new);
        Arbitrary<Message> heartbeat = u32().map(Heartbeat::new);
        Arbitrary<Message> ack = Combinators.combine(u16(), Arbitraries.of(MessageType.class), Arbitraries.of(
                Ack.Result.class)).as(Ack::new);
        Arbitrary<Message> motor = Combinators.combine(q15(), q15(), Arbitraries.integers().between(1, 0xFFFF)).as(
                MotorCommand::new);
        Arbitrary<Message> estop = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(
                EStop.Source.class)).as(EStop::new);
        Arbitrary<Message> fault = Combinators.combine(u16(), u32()).as(Fault::new);
        Arbitrary<Message> sensors = Combinators.combine(u32(), Arbitraries.integers(), Arbitraries.integers(), steps(
                MessageCodec.GYRO_STEPS), steps(MessageCodec.ACCEL_STEPS), q15(), q15(),
                Arbitraries.integers()
                        .between(0, 255))
                .as(SensorState::new);
        return Arbitraries.oneOf(hello, heartbeat, ack, motor, estop, fault, sensors);
    }

    private static List<Message> receive(Role receiver, byte[] wire, List<FrameFault> faults, List<Integer> seqs) {
        List<Message> got = new ArrayList<>();
        new MessageReader(receiver, FrameFormat.VERSION, new MessageReader.Handler() {
            @Override
            public void onMessage(Frame frame, Message message) {
                got.add(message);
                seqs.add(frame.seq());
            }

            @Override
            public void onReject(FrameFault fault) {
                faults.add(fault);
            }
        }).accept(wire, 0, wire.length);
        return got;
    }

    @Property(tries = 3000)
    void everyMessageRoundTripsThroughTheWire(@ForAll("messages") Message message,
            @ForAll("seqs") int firstSeq) {
        int version = message instanceof Hello h ? h.protocolVersion() : FrameFormat.VERSION;
        MessageWriter writer = new MessageWriter(version);
        byte[] skip = new byte[FrameFormat.MAX_WIRE];
        for (int i = 0; i < firstSeq; i++) {
            writer.encode(new Heartbeat(i), skip, 0);
        }
        byte[] wire = WireFrames.wire(writer, message);
        Role receiver = message.type().sentByMcu() ? Role.HOST : Role.MCU;
        List<FrameFault> faults = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        assertThat(receive(receiver, wire, faults, seqs)).containsExactly(message);
        assertThat(faults).isEmpty();
        assertThat(seqs).containsExactly(firstSeq);
        assertThat(wire.length).isLessThanOrEqualTo(FrameFormat.MAX_WIRE);
    }

    @Provide
    Arbitrary<Integer> seqs() {
        return Arbitraries.integers().between(0, 3);
    }

    @Property
    void anyOutputInRangeComesBackWithinHalfAStep(@ForAll @FloatRange(min = -1, max = 1) float left,
            @ForAll @FloatRange(min = -1, max = 1) float right) {
        byte[] wire = WireFrames.wire(new MessageWriter(1), new MotorCommand(left, right, 100));
        MotorCommand back = (MotorCommand) receive(Role.MCU, wire, new ArrayList<>(), new ArrayList<>()).getFirst();
        assertThat(back.left()).isCloseTo(left, offset(0.5f / 32767 + 1e-7f));
        assertThat(back.right()).isCloseTo(right, offset(0.5f / 32767 + 1e-7f));
    }

    @Property
    void imuValuesComeBackWithinHalfAStepOrSaturate(@ForAll @FloatRange(min = -100, max = 100) float gyro,
            @ForAll @FloatRange(min = -1000, max = 1000) float accel) {
        SensorState s = new SensorState(0, 0, 0, new Vector3(gyro, 0, 0), new Vector3(0, 0, accel), 0, 0, 0);
        SensorState back = (SensorState) receive(Role.HOST, WireFrames.wire(new MessageWriter(1), s),
                new ArrayList<>(), new ArrayList<>()).getFirst();
        float gyroExpected = Math.max(-32.768f, Math.min(32.767f, gyro));
        float accelExpected = Math.max(-327.68f, Math.min(327.67f, accel));
        assertThat(back.gyro().x()).isCloseTo(gyroExpected, offset(0.0005f + 1e-5f));
        assertThat(back.accel().z()).isCloseTo(accelExpected, offset(0.005f + 1e-4f));
    }
}
