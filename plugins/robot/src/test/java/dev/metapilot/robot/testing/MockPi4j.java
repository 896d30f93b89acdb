package dev.metapilot.robot.testing;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import dev.metapilot.robot.pi4j.PinsFile;
import dev.metapilot.robot.pi4j.Wiring;
import java.nio.file.Path;

/**
 * Pi4J's mock platform for one test, with a {@link MockMpu6050} on the I2C bus, and the handles a test needs: the PWM
 * and direction outputs and the mock inputs by the drive's Pi4J ids, encoder edges, e-stop presses. Built and closed by
 * the test thread.
 */
public final class MockPi4j implements AutoCloseable {

    /** The example pins file shipped with the module. */
    public static final Path EXAMPLE_PINS = Path.of("src/main/config/pins.json");

    private final ImuProvider imuProvider = new ImuProvider();
    public final Context context = Pi4J.newContextBuilder().add(new MockPlatform()).add(MockPwmProvider
            .newInstance(), imuProvider, MockDigitalInputProvider.newInstance(),
            MockDigitalOutputProvider
                    .newInstance())
            .build();

    /**
     * The example wiring: its e-stop is active high (normally closed to ground), so Pi4J's mock inputs, which start
     * low, read it released; its operator button is active low.
     */
    public static Wiring wiring() {
        return PinsFile.read(EXAMPLE_PINS);
    }

    /** The PWM of {@code side} ({@code left} or {@code right}). */
    public Pwm pwm(String side) {
        return context.io("robot-" + side + "-pwm", Pwm.class);
    }

    /** The duty cycle {@code side}'s PWM drives, percent: 0 while the output is off. */
    public int duty(String side) {
        Pwm pwm = pwm(side);
        return pwm.isOn() ? pwm.dutyCycle() : 0;
    }

    /** The direction pin ({@code dir}) or its complement ({@code dir-b}) of {@code side}. */
    public DigitalState direction(String side, String pin) {
        return context.io("robot-" + side + "-" + pin, DigitalOutput.class).state();
    }

    /** The mock input with Pi4J id {@code id}. */
    public MockDigitalInput input(String id) {
        return context.io(id, MockDigitalInput.class);
    }

    /** The IMU on the bus, once the drive opened it. */
    public MockMpu6050 imu() {
        return imuProvider.device;
    }

    /** Makes the IMU the drive opens next fail every read ({@code false}) or answer. */
    public void imuAnswers(boolean answers) {
        imuProvider.failing = !answers;
    }

    /** Presses ({@code true}) or releases the e-stop (active high). */
    public void estop(boolean pressed) {
        input("robot-estop").mockState(pressed ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** Presses the operator button (active low): released (high), then pressed (low). */
    public void pressButton() {
        MockDigitalInput b = input("robot-operator-button");
        b.mockState(DigitalState.HIGH);
        b.mockState(DigitalState.LOW);
    }

    /**
     * Turns {@code side}'s encoder by {@code quarterSteps} edges: positive with channel A leading (forward for an
     * encoder that is not reversed), negative backward.
     */
    public void turn(String side, int quarterSteps) {
        MockDigitalInput a = input("robot-" + side + "-enc-a");
        MockDigitalInput b = input("robot-" + side + "-enc-b");
        for (int i = 0; i < Math.abs(quarterSteps); i++) {
            int state = (a.state() == DigitalState.HIGH ? 2 : 0) | (b.state() == DigitalState.HIGH ? 1 : 0);
            // Forward Gray sequence 00 -> 10 -> 11 -> 01 -> 00; backward the reverse.
            int next = quarterSteps > 0 ? new int[]{2, 0, 3, 1}[state] : new int[]{1, 3, 0, 2}[state];
            if ((next & 2) != (state & 2)) {
                a.mockState((next & 2) != 0 ? DigitalState.HIGH : DigitalState.LOW);
            } else {
                b.mockState((next & 1) != 0 ? DigitalState.HIGH : DigitalState.LOW);
            }
        }
    }

    @Override
    public void close() {
        context.shutdown();
    }

    /** Pi4J's mock I2C provider handing out a {@link MockMpu6050}. */
    private static final class ImuProvider extends MockI2CProviderImpl {

        private volatile MockMpu6050 device;
        private volatile boolean failing;

        @Override
        public I2C create(I2CConfig config) {
            MockMpu6050 d = new MockMpu6050(this, config);
            d.failReads(failing);
            context.registry().add(d);
            device = d;
            return d;
        }
    }
}
