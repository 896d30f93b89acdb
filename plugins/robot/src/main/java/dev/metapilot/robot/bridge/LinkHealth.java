package dev.metapilot.robot.bridge;

import dev.metapilot.bridge.host.LinkEvent;
import dev.metapilot.bridge.host.LinkListener;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.FaultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bridge link's events say about the robot's health beyond the link's own state: why the link is down, a
 * latched motor-controller fault reported by the MCU (over-current, under-voltage, IMU or encoder failure, vendor
 * codes), and how many sessions there have been (a new session or an MCU restart restarts the encoder reference). Logs
 * every event at a level that fits it.
 *
 * <p>
 * Written on the link's event thread; read from any thread.
 */
final class LinkHealth implements LinkListener {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHealth.class);

    private volatile String linkProblem = "not connected yet";
    private volatile String controllerFault;
    private volatile int sessions;

    @Override
    public void onEvent(LinkEvent event) {
        switch (event) {
            case LinkEvent.LinkUp up -> {
                sessions++;
                linkProblem = "";
            }
            case LinkEvent.LinkDown down -> linkProblem = "link down (" + down.reason() + "): " + down.detail();
            case LinkEvent.Reconnecting r -> linkProblem = r.cause();
            case LinkEvent.VersionMismatch v -> linkProblem = "the MCU speaks protocol version " + v.mcuVersion()
                    + ", this host " + v.hostVersion();
            case LinkEvent.Timeout t when t.what() == LinkEvent.Timeout.What.HANDSHAKE ->
                linkProblem = "no HELLO from the MCU: " + t.detail();
            case LinkEvent.McuFault f -> mcuFault(f.fault());
            case LinkEvent.McuRestarted r -> sessions++;
            default -> {
                // The link logs every event itself; the rest says nothing about health beyond its state.
            }
        }
    }

    /** Why the link is not up, or empty while it is. */
    String linkProblem() {
        return linkProblem;
    }

    /** The latched motor-controller fault, or null. */
    String controllerFault() {
        return controllerFault;
    }

    /** Clears the latched motor-controller fault (start of a trial). */
    void clearControllerFault() {
        controllerFault = null;
    }

    /** Handshakes and MCU restarts so far; a change means the encoder and clock references restarted. */
    int sessions() {
        return sessions;
    }

    /** Latches what the MCU reports about its motor controller; link-level reports are not controller faults. */
    private void mcuFault(Fault fault) {
        FaultCode kind = fault.kind();
        switch (kind) {
            case TTL_EXPIRED, BAD_FRAMES, NO_SESSION -> {
            }
            default -> {
                controllerFault = "the MCU reports " + (kind == FaultCode.OTHER
                        ? String.format("fault 0x%04x", fault.code())
                        : kind.name()) + " (detail " + fault.detail() + ")";
                LOG.error("bridge: {}; motors held at zero until the next trial", controllerFault);
            }
        }
    }
}
