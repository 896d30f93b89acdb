package dev.metapilot.robot.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.host.LinkEvent;
import dev.metapilot.bridge.message.Capability;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Link events become health: controller faults latch until a trial starts, link problems name their cause. */
class LinkHealthTest {

    private static final Hello MCU = new Hello(1, Role.MCU, true, Capability.maskOf(Capability.ENCODERS,
            Capability.IMU), Hello.softwareVersion(1, 2, 3), 100, 500);

    private final LinkHealth health = new LinkHealth();

    @Test
    void motorControllerFaultsLatchUntilCleared() {
        health.onEvent(new LinkEvent.McuFault(new Fault(FaultCode.TTL_EXPIRED, 100)));
        health.onEvent(new LinkEvent.McuFault(new Fault(FaultCode.BAD_FRAMES, 3)));
        assertThat(health.controllerFault()).as("link-level reports are not controller faults").isNull();
        health.onEvent(new LinkEvent.McuFault(new Fault(FaultCode.OVERCURRENT, 4200)));
        assertThat(health.controllerFault()).isEqualTo("the MCU reports OVERCURRENT (detail 4200)");
        health.onEvent(new LinkEvent.LinkUp("tcp://x:1", MCU));
        assertThat(health.controllerFault()).as("a reconnect does not clear it").isNotNull();
        health.clearControllerFault();
        assertThat(health.controllerFault()).isNull();
        health.onEvent(new LinkEvent.McuFault(new Fault(0x8001, 7)));
        assertThat(health.controllerFault()).isEqualTo("the MCU reports fault 0x8001 (detail 7)");
    }

    @Test
    void linkProblemsNameTheirCauseAndSessionsAreCounted() {
        assertThat(health.linkProblem()).isEqualTo("not connected yet");
        health.onEvent(new LinkEvent.Reconnecting(1, Duration.ofMillis(50), "cannot connect: refused"));
        assertThat(health.linkProblem()).isEqualTo("cannot connect: refused");
        health.onEvent(new LinkEvent.LinkUp("tcp://x:1", MCU));
        assertThat(health.linkProblem()).isEmpty();
        assertThat(health.sessions()).isEqualTo(1);
        health.onEvent(new LinkEvent.LinkDown("tcp://x:1", LinkEvent.LinkDown.Reason.PEER_SILENT, "no frame"));
        assertThat(health.linkProblem()).isEqualTo("link down (PEER_SILENT): no frame");
        health.onEvent(new LinkEvent.McuRestarted(MCU));
        assertThat(health.sessions()).isEqualTo(2);
        health.onEvent(new LinkEvent.VersionMismatch(1, 2, MCU));
        assertThat(health.linkProblem()).isEqualTo("the MCU speaks protocol version 2, this host 1");
    }
}
