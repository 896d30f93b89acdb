package dev.metapilot.bridge.host;

import dev.metapilot.bridge.message.SensorSample;

/**
 * Receives every SENSOR_STATE a {@link BridgeLink} decodes, on the link's reader thread and in a reused sample: copy
 * what you need and return quickly (heartbeats and stale checks wait for it).
 */
@FunctionalInterface
public interface SensorListener {

    /** Called for each sensor frame; {@code sample} is valid only during the call. */
    void onSensor(SensorSample sample);
}
