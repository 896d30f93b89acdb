package dev.metapilot.bridge.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Feeds a million random and mutated frames (system property {@code bridge.fuzz.frames} to change the count) through
 * one streaming decoder, as a link would see them, and checks that nothing is thrown, that no frame is accepted whose
 * CRC-32C (recomputed with the JDK) is wrong or that differs from one of the last eight frames sent (a frame whose
 * delimiter was cut completes at the next 0x00, which may come a few truncated frames later), that a frame after a
 * delimiter always gets through, and that the decoder allocates nothing.
 */
class FrameFuzzTest {

    private static final int FRAMES = Integer.getInteger("bridge.fuzz.frames", 1_000_000);
    private static final MessageType[] TYPES = MessageType.values();
    private static final int HISTORY = 8;

    private final FrameEncoder encoder = new FrameEncoder(FrameFormat.VERSION);
    private final FrameDecoder decoder = new FrameDecoder(FrameFormat.VERSION);
    private final byte[] original = new byte[FrameFormat.MAX_WIRE];
    private final byte[][] recentRaw = new byte[HISTORY][FrameFormat.MAX_FRAME];
    private final int[] recentLength = new int[HISTORY];
    private final byte[] sentinelRaw = new byte[FrameFormat.MAX_FRAME];
    private final byte[] sentinel = new byte[FrameFormat.MAX_WIRE + 1];
    private final byte[] mutated = new byte[4 * FrameFormat.MAX_WIRE];
    private final Checker checker = new Checker();
    private int recent;
    private int sentinelRawLength;

    @Test
    void aMillionRandomAndMutatedFramesNeverThrowNeverPassABadCrcAndAllocateNothing() {
        SplittableRandom random = new SplittableRandom(20240518L);
        int sentinelLength = encodeSentinel();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long sentinelsExpected = 0;
        for (int i = 0; i < FRAMES; i++) {
            int n = random.nextInt(5) == 0 ? randomBytes(random) : mutatedFrame(random);
            decoder.accept(mutated, 0, n, checker);
            if (i % 16 == 0) {
                decoder.accept(sentinel, 0, sentinelLength, checker);
                sentinelsExpected++;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(checker.badCrcAccepted).as("accepted frames whose CRC is wrong").isZero();
        assertThat(checker.foreignAccepted).as("accepted frames that were never sent").isZero();
        assertThat(checker.sentinels).as("frames sent after a delimiter").isEqualTo(sentinelsExpected);
        assertThat(decoder.rejectedTotal()).as("rejected").isGreaterThan(FRAMES / 2);
        assertThat(allocated).as("bytes allocated while decoding %d frames", FRAMES).isLessThan(64 * 1024);
    }

    private int encodeSentinel() {
        byte[] p = encoder.payload();
        for (int k = 0; k < 4; k++) {
            p[FrameFormat.HEADER_SIZE + k] = (byte) (0xA0 + k);
        }
        sentinel[0] = 0;
        int n = encoder.encode(MessageType.HEARTBEAT, 0xFFFF, 4, sentinel, 1);
        sentinelRawLength = FrameFormat.HEADER_SIZE + 4 + FrameFormat.CRC_SIZE;
        System.arraycopy(p, 0, sentinelRaw, 0, sentinelRawLength);
        return n + 1;
    }

    private int randomBytes(SplittableRandom random) {
        int n = 1 + random.nextInt(2 * FrameFormat.MAX_WIRE);
        for (int k = 0; k < n; k++) {
            mutated[k] = random.nextInt(8) == 0 ? 0 : (byte) random.nextInt(256);
        }
        return n;
    }

    private int mutatedFrame(SplittableRandom random) {
        MessageType type = TYPES[random.nextInt(TYPES.length)];
        byte[] p = encoder.payload();
        for (int k = 0; k < type.payloadSize(); k++) {
            p[FrameFormat.HEADER_SIZE + k] = (byte) random.nextInt(256);
        }
        int n = encoder.encode(type, random.nextInt(0x10000), type.payloadSize(), original, 0);
        recent = (recent + 1) % HISTORY;
        recentLength[recent] = FrameFormat.HEADER_SIZE + type.payloadSize() + FrameFormat.CRC_SIZE;
        System.arraycopy(p, 0, recentRaw[recent], 0, recentLength[recent]);
        System.arraycopy(original, 0, mutated, 0, n);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && n > 0; e++) {
            int at = random.nextInt(n);
            switch (random.nextInt(5)) {
                case 0 -> mutated[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> mutated[at] = (byte) random.nextInt(256);
                case 2 -> {
                    System.arraycopy(mutated, at, mutated, at + 1, n - at);
                    mutated[at] = (byte) random.nextInt(256);
                    n++;
                }
                case 3 -> {
                    System.arraycopy(mutated, at + 1, mutated, at, n - at - 1);
                    n--;
                }
                default -> n = at;
            }
        }
        return n;
    }

    private final class Checker implements FrameDecoder.Sink {

        private final CRC32C crc = new CRC32C();
        long badCrcAccepted;
        long foreignAccepted;
        long sentinels;

        @Override
        public void onFrame(Frame frame) {
            int n = frame.length();
            crc.reset();
            for (int k = 0; k < n - FrameFormat.CRC_SIZE; k++) {
                crc.update(frame.byteAt(k));
            }
            long stored = 0;
            for (int k = 0; k < 4; k++) {
                stored |= (long) frame.byteAt(n - 4 + k) << (8 * k);
            }
            if (stored != crc.getValue()) {
                badCrcAccepted++;
            }
            if (same(frame, sentinelRaw, sentinelRawLength)) {
                sentinels++;
            } else if (!sentRecently(frame)) {
                foreignAccepted++;
            }
        }

        private boolean sentRecently(Frame frame) {
            for (int k = 0; k < HISTORY; k++) {
                if (same(frame, recentRaw[k], recentLength[k])) {
                    return true;
                }
            }
            return false;
        }

        private boolean same(Frame frame, byte[] raw, int length) {
            if (frame.length() != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (frame.byteAt(k) != (raw[k] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void onReject(FrameFault fault) {
            // counted by the decoder
        }
    }
}
