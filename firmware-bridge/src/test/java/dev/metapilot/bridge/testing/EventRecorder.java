package dev.metapilot.bridge.testing;

import dev.metapilot.bridge.host.LinkEvent;
import dev.metapilot.bridge.host.LinkListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link LinkListener} that keeps every event and lets the test thread wait for one; events arrive on the link's
 * event thread.
 */
public final class EventRecorder implements LinkListener {

    private final List<LinkEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(LinkEvent event) {
        events.add(event);
        notifyAll();
    }

    /** Every event so far. */
    public synchronized List<LinkEvent> events() {
        return List.copyOf(events);
    }

    /** Events of {@code type} so far. */
    public synchronized <T extends LinkEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** How many events so far (a mark for {@link #await(int, Class, Predicate, Duration)}). */
    public synchronized int count() {
        return events.size();
    }

    /** The first event of {@code type} at all; fails after {@code timeout}. */
    public <T extends LinkEvent> T await(Class<T> type, Duration timeout) throws InterruptedException {
        return await(0, type, e -> true, timeout);
    }

    /** The first event of {@code type} at index {@code from} or later that matches; fails after {@code timeout}. */
    public synchronized <T extends LinkEvent> T await(int from, Class<T> type, Predicate<T> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = from;
        while (true) {
            for (; i < events.size(); i++) {
                if (type.isInstance(events.get(i)) && match.test(type.cast(events.get(i)))) {
                    return type.cast(events.get(i));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; events: "
                        + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
