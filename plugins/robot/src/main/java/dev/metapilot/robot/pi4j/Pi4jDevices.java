package dev.metapilot.robot.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.robot.io.HardwareFaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the robot's Pi4J devices one by one, each failure a {@link HardwareFaultException} naming the pins-file field
 * and GPIO, and shuts every opened device down again, newest first. Outputs start low, PWM off.
 *
 * <p>
 * Owned by a {@link Pi4jDriveIO}; used on the thread that opens and closes it.
 */
final class Pi4jDevices {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jDevices.class);

    private final Context pi4j;
    private final List<IO<?, ?, ?>> opened = new ArrayList<>();

    Pi4jDevices(Context pi4j) {
        this.pi4j = pi4j;
    }

    /** One motor: its PWM channel (off) and direction pin(s) (low), named {@code robot-SIDE-pwm/-dir/-dir-b}. */
    HBridgeMotor motor(String side, String field, Wiring.Motor m, int frequency) {
        Pwm pwm = create(field + ".pwm_channel " + m.pwmChannel(), () -> pi4j.create(Pwm.newConfigBuilder(pi4j).id(
                "robot-" + side + "-pwm").address(m.pwmChannel()).pwmType(PwmType.HARDWARE).frequency(frequency)
                .dutyCycle(0).initial(0).shutdown(0)));
        DigitalOutput dir = output("robot-" + side + "-dir", field + ".direction_pin", m.directionPin());
        DigitalOutput dirB = m.directionPinB().isPresent()
                ? output("robot-" + side + "-dir-b", field + ".direction_pin_b", m.directionPinB().getAsInt())
                : null;
        HBridgeMotor motor = new HBridgeMotor(pwm, dir, dirB, m.reversed());
        motor.stop();
        return motor;
    }

    /** One encoder's two inputs without debounce, named {@code robot-SIDE-enc-a/-b}; not yet counting. */
    QuadratureEncoder encoder(String side, String field, Wiring.Encoder e) {
        return new QuadratureEncoder(input("robot-" + side + "-enc-a", field + ".a_pin", e.aPin(), e.pull(), 0L),
                input("robot-" + side + "-enc-b", field + ".b_pin", e.bPin(), e.pull(), 0L), e.reversed());
    }

    /** A digital input with {@code debounceMicros} of debounce. */
    DigitalInput input(String id, String field, int gpio, PullResistance pull, long debounceMicros) {
        return create(field + " (GPIO " + gpio + ")", () -> pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id)
                .address(gpio).pull(pull).debounce(debounceMicros)));
    }

    /** The IMU's I2C device, named {@code robot-imu}. */
    I2C i2c(Wiring.Imu imu) {
        return create("imu (I2C bus " + imu.bus() + ", address 0x" + Integer.toHexString(imu.address()) + ")",
                () -> pi4j.create(I2C.newConfigBuilder(pi4j).id("robot-imu").bus(imu.bus()).device(imu.address())));
    }

    /** Shuts every opened device down, newest first; never throws. */
    void shutdownAll() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                pi4j.shutdown(opened.get(i));
            } catch (RuntimeException e) {
                LOG.debug("Pi4J drive: shutting down {}", opened.get(i).id(), e);
            }
        }
        opened.clear();
    }

    /** An open failure naming what could not be opened. */
    static HardwareFaultException fault(String detail, Throwable cause) {
        return new HardwareFaultException(new HardwareHealth(Fault.LINK_DOWN, Long.MAX_VALUE, detail), cause);
    }

    private DigitalOutput output(String id, String field, int gpio) {
        return create(field + " (GPIO " + gpio + ")", () -> pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id)
                .address(gpio).initial(DigitalState.LOW).shutdown(DigitalState.LOW)));
    }

    private <T extends IO<?, ?, ?>> T create(String what, Supplier<T> factory) {
        T io;
        try {
            io = factory.get();
        } catch (RuntimeException e) {
            throw fault("cannot open " + what + ": " + e.getMessage(), e);
        }
        opened.add(io);
        return io;
    }
}
