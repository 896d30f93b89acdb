package dev.metapilot.bridge.message;

import static dev.metapilot.bridge.testing.WireFrames.raw;
import static dev.metapilot.bridge.testing.WireFrames.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.testing.WireFrames;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private final List<Message> messages = new ArrayList<>();
    private final List<FrameFault> faults = new ArrayList<>();

    private MessageReader reader(Role receiver) {
        return new MessageReader(receiver, FrameFormat.VERSION, new MessageReader.Handler() {
            @Override
            public void onMessage(Frame frame, Message message) {
                messages.add(message);
            }

            @Override
            public void onReject(FrameFault fault) {
                faults.add(fault);
            }
        });
    }

    private void feed(MessageReader reader, byte[] bytes) {
        reader.accept(bytes, 0, bytes.length);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void outOfRangeFieldsAreRejectedAsBadPayload() {
        MessageReader mcu = reader(Role.MCU);
        feed(mcu, wire(raw(1, 0x10, 0, hex("0080 0000 6400")))); // left = -32768
        feed(mcu, wire(raw(1, 0x10, 1, hex("0000 0000 0000")))); // ttl 0
        feed(mcu, wire(raw(1, 0x01, 2, hex("00 00 0000 00000000 0000 0000")))); // role 0
        feed(mcu, wire(raw(1, 0x11, 3, hex("03 01")))); // action 3
        feed(mcu, wire(raw(1, 0x11, 4, hex("01 09")))); // source 9
        feed(mcu, wire(raw(1, 0x03, 5, hex("0000 7f 00")))); // acked type unknown
        feed(mcu, wire(raw(1, 0x03, 6, hex("0000 10 02")))); // result 2
        MessageReader host = reader(Role.HOST);
        byte[] sensors = new byte[29];
        sensors[25] = (byte) 0x80; // appliedLeft = -32768
        feed(host, wire(raw(1, 0x20, 7, sensors)));
        assertThat(messages).isEmpty();
        assertThat(faults).hasSize(8).containsOnly(FrameFault.BAD_PAYLOAD);
        assertThat(mcu.rejected(FrameFault.BAD_PAYLOAD)).isEqualTo(7);
    }

    @Test
    void reservedBitsAreIgnored() {
        MessageReader mcu = reader(Role.MCU);
        feed(mcu, wire(raw(1, 0x01, 0, hex("01 fe 0000 00000000 0000 0000"))));
        assertThat(messages).singleElement().isEqualTo(new Hello(1, Role.HOST, false, 0, 0, 0, 0));
    }

    @Test
    void messagesSentTheWrongWayAreRejected() {
        MessageReader host = reader(Role.HOST);
        feed(host, WireFrames.wire(new MessageWriter(1), new MotorCommand(0.1f, 0.2f, 50)));
        MessageReader mcu = reader(Role.MCU);
        feed(mcu, WireFrames.wire(new MessageWriter(1), new Fault(FaultCode.TTL_EXPIRED, 3)));
        assertThat(messages).isEmpty();
        assertThat(faults).containsExactly(FrameFault.WRONG_DIRECTION, FrameFault.WRONG_DIRECTION);
    }

    @Test
    void sequenceGapsCountAsLostFramesAcrossTheWrapAndHelloRestartsCounting() {
        MessageReader host = reader(Role.HOST);
        for (int seq : new int[]{65533, 65534, 0, 1, 5}) {
            feed(host, wire(raw(1, 0x02, seq, new byte[4])));
        }
        assertThat(host.lost()).as("65535 and 2, 3, 4 missing").isEqualTo(4);
        feed(host, wire(raw(1, 0x01, 100, hex("02 01 0000 00000000 0000 0000"))));
        feed(host, wire(raw(1, 0x02, 101, new byte[4])));
        assertThat(host.lost()).isEqualTo(4);
        assertThat(host.accepted()).isEqualTo(7);
    }

    @Test
    void helloOfAnotherVersionIsDeliveredWithThatVersion() {
        MessageReader host = reader(Role.HOST);
        Hello v9 = new Hello(9, Role.MCU, true, 3, Hello.softwareVersion(2, 5, 1), 100, 500);
        feed(host, WireFrames.wire(new MessageWriter(9), v9));
        assertThat(messages).containsExactly(v9);
        assertThat(v9.softwareVersionText()).isEqualTo("2.5.1");
        assertThat(v9.has(Capability.ENCODERS)).isTrue();
        assertThat(v9.has(Capability.ESTOP_INPUT)).isFalse();
    }

    @Test
    void aWriterRefusesAHelloOfAnotherVersion() {
        assertThatThrownBy(() -> WireFrames.wire(new MessageWriter(1), new Hello(2, Role.HOST, false, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
    }

    @Test
    void roundingIsSymmetricAndOutputsOutsideTheUnitRangeSaturate() {
        assertThat(MessageCodec.q15(0.5f)).isEqualTo((short) 16384);
        assertThat(MessageCodec.q15(-0.5f)).isEqualTo((short) -16384);
        assertThat(MessageCodec.steps(-2.5f, 1f)).as("half away from zero").isEqualTo((short) -3);
        assertThat(MessageCodec.steps(2.5f, 1f)).isEqualTo((short) 3);
        assertThat(MessageCodec.q15(3f)).isEqualTo((short) 32767);
        assertThat(MessageCodec.q15(-3f)).isEqualTo((short) -32767);
        assertThat(MessageCodec.q15(Float.NaN)).isZero();
        assertThat(MessageCodec.steps(1e9f, 1000f)).isEqualTo(Short.MAX_VALUE);
        assertThat(MessageCodec.steps(Float.NEGATIVE_INFINITY, 100f)).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void recordsRefuseValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new MotorCommand(1.5f, 0, 10)).hasMessageContaining("left");
        assertThatThrownBy(() -> new MotorCommand(0, Float.NaN, 10)).hasMessageContaining("right");
        assertThatThrownBy(() -> new MotorCommand(0, 0, 0)).hasMessageContaining("ttlMs");
        assertThatThrownBy(() -> new MotorCommand(0, 0, 65536)).hasMessageContaining("ttlMs");
        assertThatThrownBy(() -> new Heartbeat(-1)).hasMessageContaining("uptimeMs");
        assertThatThrownBy(() -> new Fault(0x10000, 0)).hasMessageContaining("code");
        assertThatThrownBy(() -> new Ack(70000, MessageType.ESTOP, Ack.Result.OK)).hasMessageContaining(
                "ackedSeq");
        assertThatThrownBy(() -> new Hello(0, Role.HOST, false, 0, 0, 0, 0)).hasMessageContaining(
                "protocolVersion");
        assertThatThrownBy(() -> new Vector3(Float.POSITIVE_INFINITY, 0, 0)).hasMessageContaining("x");
        assertThatThrownBy(() -> new SensorState(1L << 32, 0, 0, Vector3.ZERO, Vector3.ZERO, 0, 0, 0))
                .hasMessageContaining("mcuTimeUs");
    }

    @Test
    void timeStampDifferencesSurviveTheWrap() {
        assertThat(SensorSample.elapsedUs(0xFFFF_FF00L, 0x0000_0100L)).isEqualTo(0x200);
        assertThat(SensorSample.elapsedUs(1000, 6000)).isEqualTo(5000);
    }

    @Test
    void faultCodesMapBothWays() {
        assertThat(new Fault(FaultCode.TTL_EXPIRED, 120).kind()).isEqualTo(FaultCode.TTL_EXPIRED);
        assertThat(new Fault(0x8001, 0).kind()).isEqualTo(FaultCode.OTHER);
        assertThat(FaultCode.of(0x0013)).isEqualTo(FaultCode.ENCODER_FAILURE);
    }
}
