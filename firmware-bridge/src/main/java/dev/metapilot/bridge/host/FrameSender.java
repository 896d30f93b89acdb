package dev.metapilot.bridge.host;

import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.message.Message;
import dev.metapilot.bridge.message.MessageWriter;
import dev.metapilot.bridge.transport.Transport;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's sending half: one {@link MessageWriter} and one wire buffer behind a lock, shared by the user's control
 * thread (commands, e-stop requests) and the link thread (HELLO, heartbeats, acks). A failed write is remembered for
 * the link thread to act on.
 */
final class FrameSender {

    private static final byte[] DELIMITER = {FrameFormat.DELIMITER};

    private final MessageWriter writer = new MessageWriter(FrameFormat.VERSION);
    private final byte[] out = new byte[FrameFormat.MAX_WIRE];
    private final AtomicLong sent = new AtomicLong();
    private Transport transport;
    private IOException failure;

    synchronized void attach(Transport transport) {
        this.transport = transport;
        this.failure = null;
    }

    synchronized void detach() {
        transport = null;
    }

    /** The first write failure since {@link #attach}, or null. */
    synchronized IOException failure() {
        return failure;
    }

    long sent() {
        return sent.get();
    }

    /** Sends {@code message}; returns its sequence number, or -1 when nothing is attached or the write failed. */
    synchronized int send(Message message) {
        if (!usable()) {
            return -1;
        }
        return write(writer.encode(message, out, 0));
    }

    /** Sends a MOTOR_COMMAND without allocating; returns its sequence number or -1. */
    synchronized int sendMotor(float left, float right, int ttlMs) {
        if (!usable()) {
            return -1;
        }
        return write(writer.encodeMotorCommand(left, right, ttlMs, out, 0));
    }

    /** Sends a lone 0x00 so that the receiver drops any partial frame; true when written. */
    synchronized boolean sendDelimiter() {
        if (!usable()) {
            return false;
        }
        try {
            transport.write(DELIMITER, 0, 1);
            return true;
        } catch (IOException e) {
            failure = e;
            return false;
        }
    }

    private boolean usable() {
        return transport != null && failure == null;
    }

    private int write(int length) {
        try {
            transport.write(out, 0, length);
            sent.incrementAndGet();
            return writer.lastSeq();
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }
}
