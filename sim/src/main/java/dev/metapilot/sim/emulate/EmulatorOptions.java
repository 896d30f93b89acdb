package dev.metapilot.sim.emulate;

import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.locomotion.physics.DriveDynamics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How an {@link Emulator} runs: where it listens, the robot's dynamics, the physics rate, the link's faults, the MCU's
 * settings. Built with {@link #builder(DynamicsFile)}, which checks the values; immutable.
 *
 * @param listen the address to listen on (port 0: an ephemeral port)
 * @param dynamics the robot's dynamics and where they came from
 * @param physicsRateHz physics steps per second
 * @param controlRateHz the control rate the dynamics' latency ticks refer to
 * @param sensorNoise sensor noise as in the simulation
 * @param faults the link's faults
 * @param mcu the MCU's protocol settings
 * @param seed seeds the sensor noise
 */
public record EmulatorOptions(InetSocketAddress listen, DynamicsFile dynamics, int physicsRateHz, int controlRateHz,
        boolean sensorNoise, LinkFaults faults, McuSettings mcu, long seed) {

    public EmulatorOptions {
        Objects.requireNonNull(listen, "listen is null");
        Objects.requireNonNull(dynamics, "dynamics is null");
        Objects.requireNonNull(faults, "faults is null");
        Objects.requireNonNull(mcu, "mcu is null");
        if (physicsRateHz < 1 || physicsRateHz > 100_000) {
            throw new IllegalArgumentException("physics rate must be in 1..100000 Hz, got " + physicsRateHz);
        }
        if (controlRateHz < 1 || controlRateHz > physicsRateHz) {
            throw new IllegalArgumentException("control rate must be in 1.." + physicsRateHz + " Hz, got "
                    + controlRateHz);
        }
    }

    /** A builder with loopback port 0, 200 Hz physics for 20 Hz control, noisy sensors, no faults, default MCU. */
    public static Builder builder(DynamicsFile dynamics) {
        return new Builder(dynamics);
    }

    /** A builder for the nominal robot. */
    public static Builder nominal() {
        return new Builder(new DynamicsFile(DriveDynamics.NOMINAL, DynamicsFile.NOMINAL));
    }

    /** Builds {@link EmulatorOptions}; {@link #build()} validates. Used on the configuring thread. */
    public static final class Builder {

        private final DynamicsFile dynamics;
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int physicsRateHz = 200;
        private int controlRateHz = 20;
        private boolean sensorNoise = true;
        private LinkFaults faults = LinkFaults.NONE;
        private McuSettings mcu = McuSettings.defaults();
        private long seed;

        private Builder(DynamicsFile dynamics) {
            this.dynamics = Objects.requireNonNull(dynamics, "dynamics is null");
        }

        public Builder listen(InetSocketAddress address) {
            listen = address;
            return this;
        }

        public Builder physicsRateHz(int hz) {
            physicsRateHz = hz;
            return this;
        }

        public Builder controlRateHz(int hz) {
            controlRateHz = hz;
            return this;
        }

        public Builder sensorNoise(boolean noisy) {
            sensorNoise = noisy;
            return this;
        }

        public Builder faults(LinkFaults f) {
            faults = f;
            return this;
        }

        public Builder mcu(McuSettings settings) {
            mcu = settings;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} naming the first bad value. */
        public EmulatorOptions build() {
            return new EmulatorOptions(listen, dynamics, physicsRateHz, controlRateHz, sensorNoise, faults, mcu,
                    seed);
        }
    }
}
