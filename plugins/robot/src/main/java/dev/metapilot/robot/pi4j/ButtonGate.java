package dev.metapilot.robot.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.metapilot.robot.io.OperatorGate;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's button on a GPIO as an {@link OperatorGate}: {@link #await} returns after the next press (an edge to
 * the active level after the call began; a button held down from before does not count).
 *
 * <p>
 * Presses arrive on a Pi4J event thread; {@code await} blocks the environment's control thread in {@code reset}.
 */
final class ButtonGate implements OperatorGate {

    private static final Logger LOG = LoggerFactory.getLogger(ButtonGate.class);

    private final DigitalInput pin;
    private final boolean activeLow;
    private long presses;

    ButtonGate(DigitalInput pin, boolean activeLow) {
        this.pin = Objects.requireNonNull(pin, "pin is null");
        this.activeLow = activeLow;
    }

    /** Starts listening for presses. */
    void start() {
        pin.addListener(e -> {
            if (e.state() == (activeLow ? DigitalState.LOW : DigitalState.HIGH)) {
                pressed();
            }
        });
    }

    @Override
    public synchronized void await(String prompt) throws InterruptedException {
        LOG.info("{} (button on GPIO {})", prompt, pin.address());
        long seen = presses;
        while (presses == seen) {
            wait();
        }
    }

    private synchronized void pressed() {
        presses++;
        notifyAll();
    }
}
