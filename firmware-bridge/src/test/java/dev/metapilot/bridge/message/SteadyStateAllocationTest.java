package dev.metapilot.bridge.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The control-rate path allocates nothing: the host encodes MOTOR_COMMAND from primitives and decodes SENSOR_STATE into
 * a reused {@link SensorSample}; the MCU side decodes commands into a reused {@link MotorSetpoint} and encodes sensor
 * frames from one. Measured with the JVM's per-thread allocation counter.
 */
class SteadyStateAllocationTest {

    private static final int ROUNDS = 200_000;

    private final MessageWriter host = new MessageWriter(FrameFormat.VERSION);
    private final MessageWriter mcu = new MessageWriter(FrameFormat.VERSION);
    private final byte[] wire = new byte[FrameFormat.MAX_WIRE];
    private final SensorSample sample = new SensorSample();
    private final Counting counting = new Counting();
    private final MessageReader mcuReader = new MessageReader(Role.MCU, FrameFormat.VERSION, counting);
    private final MessageReader hostReader = new MessageReader(Role.HOST, FrameFormat.VERSION, counting);

    @Test
    void encodingAndDecodingMotorCommandsAndSensorStatesAllocatesNothing() {
        sample.gyroZ = 0.25f;
        sample.accelZ = 9.81f;
        run(ROUNDS);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        run(ROUNDS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(counting.commands).isEqualTo(2L * ROUNDS);
        assertThat(counting.sensors).isEqualTo(2L * ROUNDS);
        assertThat(counting.lastTicks).isEqualTo(ROUNDS - 1);
        assertThat(counting.lastLeft).isEqualTo(MessageCodec.q15(0.5f) / MessageCodec.Q15);
        assertThat(mcuReader.rejectedTotal() + hostReader.rejectedTotal()).isZero();
        assertThat(allocated).as("bytes allocated for %d command and sensor round trips", ROUNDS).isLessThan(1024);
    }

    private void run(int rounds) {
        for (int i = 0; i < rounds; i++) {
            int n = host.encodeMotorCommand(0.5f, -0.25f, 100, wire, 0);
            mcuReader.accept(wire, 0, n);
            sample.leftTicks = i;
            sample.rightTicks = -i;
            sample.mcuTimeUs = i * 5000L & 0xFFFF_FFFFL;
            n = mcu.encodeSensorState(sample, wire, 0);
            hostReader.accept(wire, 0, n);
        }
    }

    private static final class Counting implements MessageReader.Handler {

        long commands;
        long sensors;
        int lastTicks;
        float lastLeft;

        @Override
        public void onMotorCommand(Frame frame, MotorSetpoint command) {
            commands++;
            lastLeft = command.left;
        }

        @Override
        public void onSensorState(Frame frame, SensorSample s) {
            sensors++;
            lastTicks = s.leftTicks;
        }

        @Override
        public void onMessage(Frame frame, Message message) {
            throw new AssertionError("unexpected " + message);
        }

        @Override
        public void onReject(FrameFault fault) {
            throw new AssertionError("rejected: " + fault);
        }
    }
}
