package dev.metapilot.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.frame.Cobs;
import dev.metapilot.bridge.frame.Crc32c;
import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.message.Ack;
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
import dev.metapilot.bridge.message.Vector3;
import dev.metapilot.bridge.testing.WireFrames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md says what the code does: its worked examples byte for byte, its type table, its CRC check value. */
class ProtocolDocumentTest {

    private static final Pattern EXAMPLE = Pattern
            .compile("```frame ([a-z-]+)\\nraw: +([0-9a-f ]+)\\nwire: +([0-9a-f ]+)\\n```");
    private static final Pattern TYPE_ROW = Pattern
            .compile("(?m)^\\| 0x([0-9A-F]{2}) \\| ([A-Z_]+) \\| ([a-zA-Z, ]+) \\| (\\d+) \\|");

    private record Example(int seq, Message message) {}

    private static final float HALF = MessageCodec.q15(0.5f) / MessageCodec.Q15;
    private static final float QUARTER = MessageCodec.q15(-0.25f) / MessageCodec.Q15;

    /** The messages behind the examples, by name. */
    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("hello-host", new Example(0, new Hello(1, Role.HOST, false, 0, Hello.softwareVersion(0, 1, 0), 100,
                0)));
        EXAMPLES.put("hello-mcu", new Example(0, new Hello(1, Role.MCU, true, 3, Hello.softwareVersion(1, 2, 3), 100,
                500)));
        EXAMPLES.put("heartbeat", new Example(1, new Heartbeat(1000)));
        EXAMPLES.put("motor-command", new Example(7, new MotorCommand(HALF, QUARTER, 100)));
        EXAMPLES.put("sensor-state", new Example(42, new SensorState(1_000_000, 1234, -1234, new Vector3(0f, 0f,
                0.5f), new Vector3(0.1f, 0f, 9.81f), HALF, QUARTER, 0)));
        EXAMPLES.put("estop-engage", new Example(8, new EStop(true, EStop.Source.HOST)));
        EXAMPLES.put("ack", new Example(3, new Ack(8, MessageType.ESTOP, Ack.Result.OK)));
        EXAMPLES.put("fault-ttl-expired", new Example(43, new Fault(FaultCode.TTL_EXPIRED, 100)));
    }

    private static String document() throws IOException {
        return Files.readString(Path.of("PROTOCOL.md"), StandardCharsets.UTF_8);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void everyWorkedExampleMatchesTheCodecByteForByte() throws IOException {
        Matcher m = EXAMPLE.matcher(document());
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            documented.add(name);
            Example e = EXAMPLES.get(name);
            assertThat(e).as("example %s has a message in this test", name).isNotNull();
            MessageWriter writer = new MessageWriter(FrameFormat.VERSION);
            byte[] scratch = new byte[FrameFormat.MAX_WIRE];
            for (int i = 0; i < e.seq(); i++) {
                writer.encode(new Heartbeat(0), scratch, 0);
            }
            byte[] wire = WireFrames.wire(writer, e.message());
            assertThat(HexFormat.of().formatHex(wire)).as("wire bytes of %s", name).isEqualTo(m.group(3).replace(" ",
                    ""));
            byte[] raw = new byte[FrameFormat.MAX_FRAME];
            int n = Cobs.decode(wire, 0, wire.length - 1, raw, 0, raw.length);
            assertThat(HexFormat.of().formatHex(Arrays.copyOf(raw, n))).as("decoded bytes of %s", name).isEqualTo(m
                    .group(2).replace(" ", ""));
            assertThat(decode(hex(m.group(3)), e.message())).as("%s decoded", name).isEqualTo(e.message());
        }
        assertThat(documented).as("worked examples in PROTOCOL.md").containsExactlyElementsOf(EXAMPLES.keySet());
    }

    private static Message decode(byte[] wire, Message expected) {
        List<Message> got = new ArrayList<>();
        Role receiver = expected.type().sentByMcu() && !(expected instanceof Hello h && h.role() == Role.HOST)
                ? Role.HOST
                : Role.MCU;
        new MessageReader(receiver, FrameFormat.VERSION, new MessageReader.Handler() {
            @Override
            public void onMessage(Frame frame, Message message) {
                got.add(message);
            }

            @Override
            public void onReject(FrameFault fault) {
                throw new AssertionError(fault);
            }
        }).accept(wire, 0, wire.length);
        assertThat(got).hasSize(1);
        return got.getFirst();
    }

    @Test
    void theMessageTypeTableIsTheCodes() throws IOException {
        Matcher m = TYPE_ROW.matcher(document());
        List<MessageType> documented = new ArrayList<>();
        while (m.find()) {
            MessageType t = MessageType.valueOf(m.group(2));
            documented.add(t);
            assertThat(t.id()).as("id of %s", t).isEqualTo(Integer.parseInt(m.group(1), 16));
            assertThat(t.payloadSize()).as("payload size of %s", t).isEqualTo(Integer.parseInt(m.group(4)));
            assertThat(m.group(3).contains("host")).as("%s sent by the host", t).isEqualTo(t.sentByHost());
            assertThat(m.group(3).contains("MCU")).as("%s sent by the MCU", t).isEqualTo(t.sentByMcu());
        }
        assertThat(documented).containsExactly(MessageType.values());
    }

    @Test
    void theCrcCheckValueIsTheCodes() throws IOException {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(document()).contains("| check: CRC of ASCII `123456789` | `0xE3069283` |");
        assertThat(Crc32c.compute(digits, 0, digits.length)).isEqualTo(0xE3069283);
    }
}
