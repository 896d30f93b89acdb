package dev.metapilot.bridge.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Crc32cTest {

    @Test
    void checkValueOfTheStandardTestVector() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32c.compute(digits, 0, digits.length)).isEqualTo(0xE3069283).isEqualTo(Crc32c.CHECK);
    }

    @Test
    void emptyInputGivesZero() {
        assertThat(Crc32c.compute(new byte[0], 0, 0)).isZero();
    }

    @Property
    void agreesWithTheJdk(@ForAll @Size(max = 300) byte[] data) {
        CRC32C jdk = new CRC32C();
        jdk.update(data);
        assertThat(Crc32c.compute(data, 0, data.length) & 0xFFFF_FFFFL).isEqualTo(jdk.getValue());
    }
}
