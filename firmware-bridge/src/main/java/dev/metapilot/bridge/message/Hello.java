package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * The version handshake: the host sends one on connect, the MCU answers with {@code reply} set (and announces itself
 * with {@code reply} clear when it boots). Its layout is the same in every protocol version.
 *
 * @param protocolVersion the sender's protocol version (the frame header's version byte)
 * @param role who sent it
 * @param reply whether this answers the peer's HELLO
 * @param capabilities a mask of {@link Capability} bits (MCU); 0 from the host
 * @param softwareVersion the sender's software version, {@code major << 16 | minor << 8 | patch}
 * @param sensorRateHz host: requested SENSOR_STATE rate (0 = the MCU's default); MCU: the rate it streams at
 * @param maxTtlMs MCU: the longest command time-to-live it honours; 0 from the host
 */
public record Hello(int protocolVersion, Role role, boolean reply, int capabilities, int softwareVersion,
        int sensorRateHz, int maxTtlMs) implements Message {

    public Hello {
        Objects.requireNonNull(role, "role is null");
        Ranges.check("protocolVersion", protocolVersion, 1, 255);
        Ranges.check("capabilities", capabilities, 0, 0xFFFF);
        Ranges.check("sensorRateHz", sensorRateHz, 0, 0xFFFF);
        Ranges.check("maxTtlMs", maxTtlMs, 0, 0xFFFF);
    }

    /** Packs a software version as {@code major << 16 | minor << 8 | patch}. */
    public static int softwareVersion(int major, int minor, int patch) {
        Ranges.check("major", major, 0, 0xFFFF);
        Ranges.check("minor", minor, 0, 0xFF);
        Ranges.check("patch", patch, 0, 0xFF);
        return major << 16 | minor << 8 | patch;
    }

    /** Whether the sender has {@code capability}. */
    public boolean has(Capability capability) {
        return (capabilities & capability.mask()) != 0;
    }

    /** The software version as {@code major.minor.patch}. */
    public String softwareVersionText() {
        return (softwareVersion >>> 16) + "." + ((softwareVersion >>> 8) & 0xFF) + "." + (softwareVersion & 0xFF);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
