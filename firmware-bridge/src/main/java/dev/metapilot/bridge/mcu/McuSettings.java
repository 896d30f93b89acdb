package dev.metapilot.bridge.mcu;

import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.message.Capability;
import dev.metapilot.bridge.message.Hello;

/**
 * How an emulated MCU behaves: the protocol version and capabilities it announces, its default and highest sensor
 * rates, the longest time-to-live it honours, and how often it reports rejected frames.
 *
 * @param protocolVersion the version it speaks (tests use another to provoke a mismatch)
 * @param softwareVersion announced in HELLO
 * @param capabilities a {@link Capability} mask
 * @param sensorRateHz SENSOR_STATE rate when the host asks for none (1 to {@code maxSensorRateHz})
 * @param maxSensorRateHz the highest rate it grants a host
 * @param maxTtlMs the longest command time-to-live it honours (1 to 65535)
 * @param badFrameReportMs at most one BAD_FRAMES fault per this many milliseconds
 */
public record McuSettings(int protocolVersion, int softwareVersion, int capabilities, int sensorRateHz,
        int maxSensorRateHz, int maxTtlMs, int badFrameReportMs) {

    public McuSettings {
        check("protocolVersion", protocolVersion, 1, 255);
        check("capabilities", capabilities, 0, 0xFFFF);
        check("maxSensorRateHz", maxSensorRateHz, 1, 1000);
        check("sensorRateHz", sensorRateHz, 1, maxSensorRateHz);
        check("maxTtlMs", maxTtlMs, 1, 0xFFFF);
        check("badFrameReportMs", badFrameReportMs, 1, 60_000);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** Protocol 1, encoders and IMU, 100 Hz by default (up to 1 kHz), TTL capped at 500 ms, reports once a second. */
    public static McuSettings defaults() {
        return new McuSettings(FrameFormat.VERSION, Hello.softwareVersion(0, 1, 0), Capability.maskOf(
                Capability.ENCODERS, Capability.IMU), 100, 1000, 500, 1000);
    }

    /** These settings speaking {@code version}. */
    public McuSettings withProtocolVersion(int version) {
        return new McuSettings(version, softwareVersion, capabilities, sensorRateHz, maxSensorRateHz, maxTtlMs,
                badFrameReportMs);
    }

    /** These settings with {@code capabilities}. */
    public McuSettings withCapabilities(int mask) {
        return new McuSettings(protocolVersion, softwareVersion, mask, sensorRateHz, maxSensorRateHz, maxTtlMs,
                badFrameReportMs);
    }

    /** These settings capping the time-to-live at {@code ms}. */
    public McuSettings withMaxTtlMs(int ms) {
        return new McuSettings(protocolVersion, softwareVersion, capabilities, sensorRateHz, maxSensorRateHz, ms,
                badFrameReportMs);
    }
}
