package dev.metapilot.bridge.host;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a link's events to its {@link LinkListener} in order on a thread of its own, so that a slow listener never
 * stalls the link thread: events are queued (up to {@value #CAPACITY}; beyond that dropped and counted) and logged.
 */
final class EventDispatcher {

    static final int CAPACITY = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final BlockingQueue<LinkEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final LinkListener listener;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopping;

    EventDispatcher(String threadName, LinkListener listener) {
        this.listener = listener;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues {@code event}; never blocks. */
    void emit(LinkEvent event) {
        log(event);
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Delivers what is queued, then stops; waits at most {@code timeoutMs}. */
    void stop(long timeoutMs) throws InterruptedException {
        stopping = true;
        if (thread.isAlive() && Thread.currentThread() != thread) {
            thread.join(timeoutMs);
        }
    }

    private void run() {
        try {
            while (!(stopping && queue.isEmpty())) {
                LinkEvent event = queue.poll(20, TimeUnit.MILLISECONDS);
                if (event != null) {
                    deliver(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(LinkEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("link listener failed on {}", event, e);
        }
    }

    private static void log(LinkEvent event) {
        switch (event) {
            case LinkEvent.LinkUp e -> LOG.info("bridge link up to {}: MCU software {}, protocol {}", e.peer(), e
                    .mcu().softwareVersionText(), e.mcu().protocolVersion());
            case LinkEvent.FrameRejected e -> LOG.debug("bridge frame rejected: {}", e);
            case LinkEvent.FramesLost e -> LOG.debug("bridge frames lost: {}", e);
            case LinkEvent.SensorsResumed e -> LOG.info("bridge {}", e);
            case LinkEvent.Reconnecting e -> LOG.info("bridge {}", e);
            case LinkEvent.VersionMismatch e -> LOG.error("bridge {}", e);
            default -> LOG.warn("bridge {}", event);
        }
    }
}
