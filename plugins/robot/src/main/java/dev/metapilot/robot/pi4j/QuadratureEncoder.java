package dev.metapilot.robot.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Objects;

/**
 * A quadrature encoder decoded from GPIO edges (x4: every edge of both channels counts). The two channels' levels form
 * a 2-bit Gray code; going forward (channel A leading) the state runs {@code 00 → 10 → 11 → 01 → 00}, each step +1;
 * backward each step −1. A jump of both bits at once means an edge was missed: it is counted in {@link #missedEdges()}
 * and moves the count by nothing.
 *
 * <p>
 * Edges arrive on Pi4J's event threads ({@link #start} registers the listeners); {@link #count()} is read by the
 * control thread. Synchronised, allocation-free per edge.
 */
final class QuadratureEncoder {

    /** Count change for a transition {@code previous * 4 + next} of the state {@code (A << 1) | B}; 2 = invalid. */
    private static final int[] STEP = {
            0, -1, +1, 2, // from 00: to 00, 01, 10, 11
            +1, 0, 2, -1, // from 01
            -1, 2, 0, +1, // from 10
            2, +1, -1, 0 // from 11
    };

    private final DigitalInput a;
    private final DigitalInput b;
    private final int sign;
    private int state;
    private long count;
    private long missed;

    /** @param reversed the encoder counts down when the wheel turns forward */
    QuadratureEncoder(DigitalInput a, DigitalInput b, boolean reversed) {
        this.a = Objects.requireNonNull(a, "a is null");
        this.b = Objects.requireNonNull(b, "b is null");
        this.sign = reversed ? -1 : 1;
    }

    /** Reads both levels and starts counting edges. */
    void start() {
        synchronized (this) {
            state = (high(a.state()) << 1) | high(b.state());
        }
        a.addListener(e -> edge(true, e.state()));
        b.addListener(e -> edge(false, e.state()));
    }

    /** Counts since {@link #start}, forward positive. */
    synchronized long count() {
        return count;
    }

    /** Transitions that skipped a state (an edge too fast for the GPIO events). */
    synchronized long missedEdges() {
        return missed;
    }

    private synchronized void edge(boolean channelA, DigitalState level) {
        int next = channelA ? (high(level) << 1) | (state & 1) : (state & 2) | high(level);
        int step = STEP[state * 4 + next];
        if (step == 2) {
            missed++;
        } else {
            count += sign * step;
        }
        state = next;
    }

    private static int high(DigitalState s) {
        return s == DigitalState.HIGH ? 1 : 0;
    }
}
