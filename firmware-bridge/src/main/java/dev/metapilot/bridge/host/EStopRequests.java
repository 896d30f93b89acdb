package dev.metapilot.bridge.host;

import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.EStop;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The link's outstanding e-stop request (at most one; a newer one supersedes it): sent by the user's thread, retried
 * and matched with its ACK on the link thread, failed when the link goes down.
 */
final class EStopRequests {

    private final FrameSender sender;
    private final LinkSettings settings;
    private final Consumer<LinkEvent> emit;
    private final AtomicReference<PendingRequest> pending = new AtomicReference<>();

    EStopRequests(FrameSender sender, LinkSettings settings, Consumer<LinkEvent> emit) {
        this.sender = sender;
        this.settings = settings;
        this.emit = emit;
    }

    /** Sends {@code message} and returns a future completed by its ACK (a copy: callers cannot complete ours). */
    CompletableFuture<Ack.Result> send(EStop message, String peer) {
        PendingRequest r = new PendingRequest(message, settings.ackAttempts());
        PendingRequest old = pending.getAndSet(r);
        if (old != null) {
            old.future.completeExceptionally(new CancellationException("superseded by a newer e-stop request"));
        }
        synchronized (r) {
            int seq = sender.send(message);
            if (seq < 0) {
                pending.compareAndSet(r, null);
                r.future.completeExceptionally(new IOException("could not send " + message + " to " + peer));
            } else {
                r.sent(seq, System.nanoTime());
            }
        }
        return r.future.copy();
    }

    /** Completes the request this ACK answers, if any. Link thread. */
    void acked(Ack ack) {
        PendingRequest r = pending.get();
        if (r == null || ack.ackedType() != r.message.type() || !r.matches(ack.ackedSeq())) {
            return;
        }
        if (pending.compareAndSet(r, null)) {
            if (ack.result() == Ack.Result.REFUSED) {
                emit.accept(new LinkEvent.Refused(r.message.type(), ack.ackedSeq()));
            }
            r.future.complete(ack.result());
        }
    }

    /** Sends the request again when its ACK is overdue, or fails it after the last attempt. Link thread. */
    void retry(long nowNanos) {
        PendingRequest r = pending.get();
        if (r == null) {
            return;
        }
        synchronized (r) {
            if (nowNanos - r.sentAt() < settings.ackTimeout().toNanos()) {
                return;
            }
            if (r.exhausted()) {
                if (pending.compareAndSet(r, null)) {
                    String detail = "no ACK for " + r.message + " after " + r.attempts() + " attempts";
                    emit.accept(new LinkEvent.Timeout(LinkEvent.Timeout.What.ACK, detail));
                    r.future.completeExceptionally(new TimeoutException(detail));
                }
                return;
            }
            int seq = sender.send(r.message);
            if (seq >= 0) {
                r.sent(seq, nowNanos);
            }
        }
    }

    /** Fails the outstanding request, if any. */
    void fail(String why) {
        PendingRequest r = pending.getAndSet(null);
        if (r != null) {
            r.future.completeExceptionally(new IOException(why + " before " + r.message + " was acknowledged"));
        }
    }
}
