package dev.metapilot.bridge.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CobsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] encode(byte[] data) {
        byte[] out = new byte[Cobs.maxEncodedLength(data.length)];
        return Arrays.copyOf(out, Cobs.encode(data, 0, data.length, out, 0));
    }

    private static byte[] decode(byte[] encoded) {
        byte[] out = new byte[encoded.length];
        int n = Cobs.decode(encoded, 0, encoded.length, out, 0, out.length);
        return n < 0 ? null : Arrays.copyOf(out, n);
    }

    private static byte[] range(int from, int toInclusive) {
        byte[] b = new byte[toInclusive - from + 1];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static void assertEncodes(byte[] data, byte[] expected) {
        assertThat(HEX.formatHex(encode(data))).isEqualTo(HEX.formatHex(expected));
        assertThat(decode(expected)).isEqualTo(data);
    }

    @Test
    void theTenReferenceExamplesEncodeAndDecode() {
        // The examples of the COBS article (Cheshire and Baker; Wikipedia's table), delimiters left out.
        assertEncodes(HEX.parseHex(""), HEX.parseHex("01"));
        assertEncodes(HEX.parseHex("00"), HEX.parseHex("0101"));
        assertEncodes(HEX.parseHex("0000"), HEX.parseHex("010101"));
        assertEncodes(HEX.parseHex("001100"), HEX.parseHex("01021101"));
        assertEncodes(HEX.parseHex("11220033"), HEX.parseHex("0311220233"));
        assertEncodes(HEX.parseHex("11223344"), HEX.parseHex("0511223344"));
        assertEncodes(HEX.parseHex("11000000"), HEX.parseHex("0211010101"));
        assertEncodes(range(0x01, 0xFE), concat(HEX.parseHex("ff"), range(0x01, 0xFE)));
        assertEncodes(range(0x00, 0xFE), concat(HEX.parseHex("01ff"), range(0x01, 0xFE)));
        assertEncodes(range(0x01, 0xFF), concat(HEX.parseHex("ff"), range(0x01, 0xFE), HEX.parseHex("02ff")));
        assertEncodes(concat(range(0x02, 0xFF), HEX.parseHex("00")), concat(HEX.parseHex("ff"), range(0x02, 0xFF),
                HEX.parseHex("0101")));
        assertEncodes(concat(range(0x03, 0xFF), HEX.parseHex("0001")), concat(HEX.parseHex("fe"), range(0x03, 0xFF),
                HEX.parseHex("0201")));
    }

    @Test
    void aFullBlockAtTheEndDecodesWithOrWithoutATrailingOne() {
        byte[] data = range(0x01, 0xFE);
        assertThat(decode(concat(HEX.parseHex("ff"), data, HEX.parseHex("01")))).isEqualTo(data);
    }

    @Test
    void runsOfZerosAndLongRunsRoundTrip() {
        for (int n : new int[]{1, 253, 254, 255, 508, 509, 1000}) {
            byte[] zeros = new byte[n];
            assertThat(decode(encode(zeros))).isEqualTo(zeros);
            byte[] ones = new byte[n];
            Arrays.fill(ones, (byte) 1);
            byte[] e = encode(ones);
            assertThat(e.length).isLessThanOrEqualTo(Cobs.maxEncodedLength(n));
            assertThat(decode(e)).isEqualTo(ones);
        }
    }

    @Test
    void invalidEncodingsAreRefused() {
        assertThat(decode(HEX.parseHex("00"))).as("a zero code").isNull();
        assertThat(decode(HEX.parseHex("0511"))).as("a block past the end").isNull();
        assertThat(decode(HEX.parseHex("031100"))).as("a zero inside a block").isNull();
        byte[] out = new byte[2];
        assertThat(Cobs.decode(HEX.parseHex("0411223301"), 0, 5, out, 0, 2)).as("too long for the output")
                .isEqualTo(-1);
    }

    @Property
    void encodingHasNoZerosAndRoundTrips(@ForAll @Size(max = 1200) byte[] data) {
        byte[] e = encode(data);
        assertThat(e).doesNotContain((byte) 0);
        assertThat(e.length).isLessThanOrEqualTo(Cobs.maxEncodedLength(data.length));
        assertThat(decode(e)).isEqualTo(data);
    }
}
