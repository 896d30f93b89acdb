package dev.metapilot.bridge.host;

import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.EStop;
import java.util.concurrent.CompletableFuture;

/**
 * An e-stop request waiting for its ACK: the sequence numbers of every attempt, when the last went out, and the future
 * its caller holds. Guarded by its own monitor (the user thread sends the first attempt, the link thread the retries
 * and matches the ACK).
 */
final class PendingRequest {

    final EStop message;
    final CompletableFuture<Ack.Result> future = new CompletableFuture<>();
    private final int[] seqs;
    private int attempts;
    private long sentAt;

    PendingRequest(EStop message, int maxAttempts) {
        this.message = message;
        this.seqs = new int[maxAttempts];
    }

    synchronized void sent(int seq, long nowNanos) {
        seqs[attempts++] = seq;
        sentAt = nowNanos;
    }

    synchronized boolean matches(int seq) {
        for (int i = 0; i < attempts; i++) {
            if (seqs[i] == seq) {
                return true;
            }
        }
        return false;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized long sentAt() {
        return sentAt;
    }

    boolean exhausted() {
        return attempts() >= seqs.length;
    }
}
