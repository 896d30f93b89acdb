package dev.metapilot.bridge.mcu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.MessageCodec;
import dev.metapilot.bridge.message.MessageWriter;
import dev.metapilot.bridge.message.MotorCommand;
import dev.metapilot.bridge.message.Role;
import dev.metapilot.bridge.testing.RecordingHardware;
import dev.metapilot.bridge.testing.WireFrames;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever bytes reach the MCU, only an intact motor command moves the motors. */
class McuEndpointProperties {

    private static final long MS = 1_000_000L;

    /** A fresh MCU with an open session, per try (jqwik keeps one instance per property). */
    private record Rig(RecordingHardware hardware, McuEndpoint mcu, MessageWriter host) {

        static Rig withSession() {
            RecordingHardware hardware = new RecordingHardware();
            McuEndpoint mcu = new McuEndpoint(McuSettings.defaults(), hardware, (b, off, len) -> {}, 0);
            MessageWriter host = new MessageWriter(FrameFormat.VERSION);
            byte[] hello = WireFrames.wire(host, new Hello(1, Role.HOST, false, 0, 0, 100, 0));
            mcu.receive(hello, 0, hello.length, 0);
            return new Rig(hardware, mcu, host);
        }
    }

    @Property(tries = 300)
    void randomBytesNeverMoveTheMotors(@ForAll @Size(max = 3000) byte[] bytes) {
        Rig rig = Rig.withSession();
        McuEndpoint mcu = rig.mcu();
        for (int at = 0, t = 1; at < bytes.length; at += 97, t++) {
            mcu.receive(bytes, at, Math.min(97, bytes.length - at), t * MS);
            mcu.tick(t * MS);
        }
        assertThat(rig.hardware().drives()).isEmpty();
    }

    @Property(tries = 2000)
    void aDamagedMotorCommandNeverMovesTheMotors(@ForAll @IntRange(min = 0, max = 16) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        Rig rig = Rig.withSession();
        McuEndpoint mcu = rig.mcu();
        byte[] wire = WireFrames.wire(rig.host(), new MotorCommand(0.75f, -0.75f, 100));
        int i = at % (wire.length - 1);
        wire[i] ^= (byte) xor;
        mcu.receive(wire, 0, wire.length, MS);
        mcu.receive(new byte[]{0}, 0, 1, MS);
        assertThat(rig.hardware().drives()).isEmpty();
        assertThat(mcu.rejectedFrames()).isPositive();
    }

    @Property(tries = 200)
    void anIntactMotorCommandMovesThemExactlyAsSent(@ForAll @IntRange(min = -32767, max = 32767) int left,
            @ForAll @IntRange(min = -32767, max = 32767) int right) {
        Rig rig = Rig.withSession();
        RecordingHardware hardware = rig.hardware();
        float l = left / MessageCodec.Q15;
        float r = right / MessageCodec.Q15;
        byte[] wire = WireFrames.wire(rig.host(), new MotorCommand(l, r, 100));
        rig.mcu().receive(wire, 0, wire.length, MS);
        if (left != 0 || right != 0) {
            assertThat(hardware.last().left()).isEqualTo(l);
            assertThat(hardware.last().right()).isEqualTo(r);
        } else {
            assertThat(hardware.drives()).isEmpty();
        }
    }
}
