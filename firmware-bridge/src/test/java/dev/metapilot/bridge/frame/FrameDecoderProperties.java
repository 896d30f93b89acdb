package dev.metapilot.bridge.frame;

import static dev.metapilot.bridge.testing.WireFrames.concat;
import static dev.metapilot.bridge.testing.WireFrames.decode;
import static dev.metapilot.bridge.testing.WireFrames.raw;
import static dev.metapilot.bridge.testing.WireFrames.wire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.testing.WireFrames.Decoded;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameDecoderProperties {

    private static final byte[] SENTINEL = raw(1, MessageType.HEARTBEAT.id(), 0x5A5A, new byte[]{9, 8, 7, 6});

    /** A valid frame of a random type with a random payload of the right size. */
    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<MessageType> types = Arbitraries.of(MessageType.class);
        return types.flatMap(t -> Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries
                .bytes().array(byte[].class).ofSize(t.payloadSize())).as(
                        (seq, payload) -> raw(1, t.id(), seq,
                                payload)));
    }

    /** Edits applied to a wire frame: flip a bit, overwrite, insert, delete, truncate. */
    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers()
                .between(0, 1000), Arbitraries.integers().between(0, 255)).as(
                        (op, at, value) -> new int[]{op, at,
                                value});
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    private static byte[] mutate(byte[] wire, List<int[]> edits) {
        List<Byte> b = new ArrayList<>();
        for (byte x : wire) {
            b.add(x);
        }
        for (int[] e : edits) {
            if (b.isEmpty()) {
                break;
            }
            int at = e[1] % b.size();
            switch (e[0]) {
                case 0 -> b.set(at, (byte) (b.get(at) ^ (1 << (e[2] % 8))));
                case 1 -> b.set(at, (byte) e[2]);
                case 2 -> b.add(at, (byte) e[2]);
                case 3 -> b.remove(at);
                default -> b.subList(at, b.size()).clear();
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    @Property(tries = 500)
    void randomBytesNeverThrowAndAreAccountedFor(@ForAll @Size(max = 3000) byte[] bytes) {
        FrameDecoder decoder = new FrameDecoder(FrameFormat.VERSION);
        Decoded d = decode(decoder, bytes);
        assertThat(d.frames().size() + d.faults().size()).isLessThanOrEqualTo(bytes.length);
        assertThat(decoder.frames()).isEqualTo(d.frames().size());
        assertThat(decoder.rejectedTotal()).isEqualTo(d.faults().size());
    }

    @Property(tries = 500)
    void afterAnyGarbageTheFrameBehindTheNextDelimiterArrivesIntact(@ForAll @Size(max = 400) byte[] garbage,
            @ForAll("frames") byte[] frame) {
        Decoded d = decode(new FrameDecoder(FrameFormat.VERSION), concat(garbage, new byte[]{0}, wire(frame)));
        assertThat(d.frames()).isNotEmpty();
        assertThat(d.frames().getLast()).isEqualTo(frame);
    }

    @Property(tries = 2000)
    void aMutatedFrameIsRejectedOrIntactAndTheNextFrameStillArrives(@ForAll("frames") byte[] frame,
            @ForAll("edits") List<int[]> edits) {
        byte[] mutated = mutate(wire(frame), edits);
        Decoded d = decode(new FrameDecoder(FrameFormat.VERSION), concat(mutated, new byte[]{0}, wire(SENTINEL)));
        assertThat(d.frames()).isNotEmpty();
        assertThat(d.frames().getLast()).isEqualTo(SENTINEL);
        for (byte[] accepted : d.frames().subList(0, d.frames().size() - 1)) {
            assertThat(accepted).as("accepted a frame that was never sent").isEqualTo(frame);
        }
    }

    @Property(tries = 500)
    void aTruncatedFrameCostsAtMostTheOneFrameAfterIt(@ForAll("frames") byte[] frame,
            @ForAll @IntRange(min = 0, max = 80) int keep) {
        byte[] w = wire(frame);
        byte[] truncated = java.util.Arrays.copyOf(w, Math.min(keep, w.length - 1));
        Decoded d = decode(new FrameDecoder(FrameFormat.VERSION), concat(truncated, wire(frame), wire(SENTINEL)));
        assertThat(d.frames()).isNotEmpty();
        assertThat(d.frames().getLast()).isEqualTo(SENTINEL);
    }
}
