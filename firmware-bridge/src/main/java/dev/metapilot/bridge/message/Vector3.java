package dev.metapilot.bridge.message;

/** Three finite components of an IMU reading in the robot frame (x forward, y left, z up). */
public record Vector3(float x, float y, float z) {

    /** The zero vector. */
    public static final Vector3 ZERO = new Vector3(0f, 0f, 0f);

    public Vector3 {
        Ranges.finite("x", x);
        Ranges.finite("y", y);
        Ranges.finite("z", z);
    }
}
