package dev.metapilot.bridge.frame;

import static dev.metapilot.bridge.testing.WireFrames.concat;
import static dev.metapilot.bridge.testing.WireFrames.decode;
import static dev.metapilot.bridge.testing.WireFrames.raw;
import static dev.metapilot.bridge.testing.WireFrames.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.testing.WireFrames.Decoded;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final int HEARTBEAT = MessageType.HEARTBEAT.id();
    private static final byte[] FOUR = {1, 2, 3, 4};

    private final FrameDecoder decoder = new FrameDecoder(FrameFormat.VERSION);

    @Test
    void aValidFrameComesOutWithItsHeaderAndPayload() {
        byte[] raw = raw(1, HEARTBEAT, 0xBEEF, FOUR);
        Decoded d = decode(decoder, wire(raw));
        assertThat(d.faults()).isEmpty();
        assertThat(d.frames()).singleElement().isEqualTo(raw);
        decoder.accept(wire(raw), 0, wire(raw).length, new FrameDecoder.Sink() {
            @Override
            public void onFrame(Frame f) {
                assertThat(f.version()).isEqualTo(1);
                assertThat(f.type()).isEqualTo(MessageType.HEARTBEAT);
                assertThat(f.seq()).isEqualTo(0xBEEF);
                assertThat(f.payloadLength()).isEqualTo(4);
                assertThat(f.u32(0)).isEqualTo(0x04030201L);
                assertThat(f.u8(3)).isEqualTo(4);
            }

            @Override
            public void onReject(FrameFault fault) {
                throw new AssertionError(fault);
            }
        });
    }

    @Test
    void framesSplitAcrossReadsAndSeparatedByIdleDelimitersAllArrive() {
        byte[] stream = concat(new byte[]{0, 0}, wire(raw(1, HEARTBEAT, 1, FOUR)), new byte[]{0}, wire(raw(1,
                HEARTBEAT, 2, FOUR)));
        int frames = 0;
        for (byte b : stream) {
            frames += decode(decoder, new byte[]{b}).frames().size();
        }
        assertThat(frames).isEqualTo(2);
        assertThat(decoder.rejectedTotal()).isZero();
        assertThat(decoder.frames()).isEqualTo(2);
    }

    @Test
    void anOversizedRunIsReportedOnceAndTheNextFrameArrives() {
        byte[] junk = new byte[500];
        Arrays.fill(junk, (byte) 0x55);
        Decoded d = decode(decoder, concat(junk, new byte[]{0}, wire(raw(1, HEARTBEAT, 9, FOUR))));
        assertThat(d.faults()).containsExactly(FrameFault.OVERSIZED);
        assertThat(d.frames()).hasSize(1);
    }

    @Test
    void badCobsIsReported() {
        assertThat(decode(decoder, HexFormat.of().parseHex("051100")).faults()).containsExactly(FrameFault.BAD_COBS);
    }

    @Test
    void aRuntIsReported() {
        assertThat(decode(decoder, wire(new byte[]{1, 2, 0, 0, 0, 9, 9, 9})).faults()).containsExactly(
                FrameFault.TOO_SHORT);
    }

    @Test
    void everyCorruptedBitIsCaughtByTheCrc() {
        byte[] good = raw(1, HEARTBEAT, 3, FOUR);
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            Decoded d = decode(decoder, wire(bad));
            assertThat(d.frames()).as("bit %d", bit).isEmpty();
            assertThat(d.faults()).as("bit %d", bit).containsExactly(FrameFault.BAD_CRC);
        }
    }

    @Test
    void aLengthByteThatDisagreesWithTheFrameIsReported() {
        assertThat(decode(decoder, wire(raw(1, HEARTBEAT, 3, 5, FOUR))).faults()).containsExactly(
                FrameFault.BAD_LENGTH);
    }

    @Test
    void aPayloadOfTheWrongSizeForItsTypeIsReported() {
        assertThat(decode(decoder, wire(raw(1, HEARTBEAT, 3, new byte[3]))).faults()).containsExactly(
                FrameFault.BAD_LENGTH);
    }

    @Test
    void anUnknownTypeIsReported() {
        assertThat(decode(decoder, wire(raw(1, 0x7F, 3, FOUR))).faults()).containsExactly(FrameFault.UNKNOWN_TYPE);
    }

    @Test
    void anotherVersionIsRejectedExceptOnHello() {
        assertThat(decode(decoder, wire(raw(2, HEARTBEAT, 3, FOUR))).faults()).containsExactly(
                FrameFault.UNSUPPORTED_VERSION);
        Decoded hello = decode(decoder, wire(raw(7, MessageType.HELLO.id(), 3, new byte[12])));
        assertThat(hello.faults()).isEmpty();
        assertThat(hello.frames()).singleElement().satisfies(f -> assertThat(f[0]).isEqualTo((byte) 7));
    }

    @Test
    void resetDropsAPartialFrame() {
        byte[] w = wire(raw(1, HEARTBEAT, 3, FOUR));
        decoder.accept(w, 0, 5, new WireFramesSinkThatFails());
        decoder.reset();
        assertThat(decode(decoder, w).frames()).hasSize(1);
    }

    private static final class WireFramesSinkThatFails implements FrameDecoder.Sink {
        @Override
        public void onFrame(Frame frame) {
            throw new AssertionError("no frame expected");
        }

        @Override
        public void onReject(FrameFault fault) {
            throw new AssertionError("no fault expected: " + fault);
        }
    }
}
