package dev.metapilot.robot.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Objects;

/**
 * The e-stop input: a latch that engages when the pin reads pressed (from its own Pi4J listener, so the motors stop
 * without waiting for the control loop; and by {@link #poll()} each period as a backstop for a missed edge) and that
 * only {@link #clearIfReleased()} releases, at the start of a trial, when the pin no longer reads pressed.
 *
 * <p>
 * The listener runs on a Pi4J event thread and calls {@code onEngage} there; the rest is called by the control thread.
 */
final class EStopInput {

    private final DigitalInput pin;
    private final boolean activeLow;
    private final Runnable onEngage;
    private volatile boolean latched;

    /** @param onEngage zeroes the motors; called on the thread that saw the press, must not throw */
    EStopInput(DigitalInput pin, boolean activeLow, Runnable onEngage) {
        this.pin = Objects.requireNonNull(pin, "pin is null");
        this.activeLow = activeLow;
        this.onEngage = Objects.requireNonNull(onEngage, "onEngage is null");
    }

    /** Listens to the pin and engages at once if it reads pressed now. */
    void start() {
        pin.addListener(e -> {
            if (active(e.state())) {
                engage();
            }
        });
        poll();
    }

    /** Engages the latch when the pin reads pressed and the listener missed it. */
    void poll() {
        if (!latched && pressed()) {
            engage();
        }
    }

    /** Whether the pin reads pressed now. */
    boolean pressed() {
        return active(pin.state());
    }

    /** Whether the latch is engaged. */
    boolean latched() {
        return latched;
    }

    /** Releases the latch unless the pin still reads pressed; true when released. */
    boolean clearIfReleased() {
        if (!pressed()) {
            latched = false;
        }
        return !latched;
    }

    /** The pin, for messages. */
    int address() {
        return pin.address();
    }

    private void engage() {
        latched = true;
        onEngage.run();
    }

    private boolean active(DigitalState s) {
        return activeLow ? s == DigitalState.LOW : s == DigitalState.HIGH;
    }
}
