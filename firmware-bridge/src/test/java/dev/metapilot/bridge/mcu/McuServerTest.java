package dev.metapilot.bridge.mcu;

import static dev.metapilot.bridge.testing.LoopbackRig.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.Message;
import dev.metapilot.bridge.message.MessageReader;
import dev.metapilot.bridge.message.MessageWriter;
import dev.metapilot.bridge.message.MotorCommand;
import dev.metapilot.bridge.message.Role;
import dev.metapilot.bridge.message.SensorState;
import dev.metapilot.bridge.testing.Await;
import dev.metapilot.bridge.testing.RecordingHardware;
import dev.metapilot.bridge.testing.RecordingHardware.Drive;
import dev.metapilot.bridge.testing.WireFrames;
import dev.metapilot.bridge.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MCU side over TCP against a scripted host that can go silent or vanish: the TTL watchdog is what stops the motors
 * then.
 */
class McuServerTest {

    private final RecordingHardware hardware = new RecordingHardware();
    private final McuServer server;

    McuServerTest() throws IOException {
        server = McuServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), McuSettings.defaults(),
                hardware);
    }

    @AfterEach
    void close() {
        server.close();
    }

    /** A host that does only what the test says, on the test thread. */
    private static final class ScriptedHost implements AutoCloseable {

        final Transport transport;
        final MessageWriter writer = new MessageWriter(FrameFormat.VERSION);
        final List<Message> received = new ArrayList<>();
        final MessageReader reader = new MessageReader(Role.HOST, FrameFormat.VERSION, new MessageReader.Handler() {
            @Override
            public void onMessage(Frame frame, Message message) {
                received.add(message);
            }

            @Override
            public void onReject(FrameFault fault) {
                throw new AssertionError(fault);
            }
        });
        final byte[] buffer = new byte[512];

        ScriptedHost(McuServer server) throws IOException {
            transport = server.linkAddress().connect();
        }

        void send(Message m) throws IOException {
            byte[] w = WireFrames.wire(writer, m);
            transport.write(w, 0, w.length);
        }

        <T extends Message> T await(Class<T> type, Predicate<T> match, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            while (System.nanoTime() < deadline) {
                for (; seen < received.size(); seen++) {
                    if (type.isInstance(received.get(seen)) && match.test(type.cast(received.get(seen)))) {
                        return type.cast(received.get(seen));
                    }
                }
                int n = transport.read(buffer, 0, buffer.length, 5);
                reader.accept(buffer, 0, n);
            }
            throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + ": " + received);
        }

        void handshake() throws IOException {
            send(new Hello(1, Role.HOST, false, 0, 0, 100, 0));
            await(Hello.class, Hello::reply, ms(1000));
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    @Test
    void theTtlStopsTheMotorsWhenTheHostGoesSilent() throws Exception {
        try (ScriptedHost host = new ScriptedHost(server)) {
            host.handshake();
            host.send(new MotorCommand(0.6f, 0.6f, 100));
            Drive on = hardware.await(0, d -> !d.stopped(), ms(1000));
            Drive off = hardware.await(hardware.count() - 1, Drive::stopped, ms(1000));
            assertThat((off.nanos() - on.nanos()) / 1_000_000.0).as("ms from command to motors stopped").isBetween(
                    100.0, 200.0);
            Fault fault = host.await(Fault.class, f -> f.kind() == FaultCode.TTL_EXPIRED, ms(1000));
            assertThat(fault.detail()).isBetween(100L, 200L);
            host.await(SensorState.class, SensorState::watchdogStopped, ms(1000));
        }
    }

    @Test
    void theTtlStopsTheMotorsWhenTheHostVanishes() throws Exception {
        Drive on;
        try (ScriptedHost host = new ScriptedHost(server)) {
            host.handshake();
            host.send(new MotorCommand(-0.6f, 0.6f, 150));
            on = hardware.await(0, d -> !d.stopped(), ms(1000));
        }
        Drive off = hardware.await(hardware.count() - 1, Drive::stopped, ms(1000));
        assertThat((off.nanos() - on.nanos()) / 1_000_000.0).as("ms from command to motors stopped").isBetween(150.0,
                250.0);
        Await.until("the MCU notices the host is gone", ms(1000), () -> !server.connected());
        assertThat(server.endpoint().sessionOpen()).isFalse();
    }

    @Test
    void aNewHostReplacesTheOldOneAsOnAUart() throws Exception {
        try (ScriptedHost first = new ScriptedHost(server); ScriptedHost second = new ScriptedHost(server)) {
            second.handshake();
            assertThatThrownBy(() -> {
                while (true) {
                    first.transport.read(first.buffer, 0, first.buffer.length, 20);
                }
            }).isInstanceOf(EOFException.class);
            assertThat(server.connections()).isEqualTo(2);
        }
    }
}
