package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * A fault report from the MCU, acked by the host.
 *
 * @param code the 16-bit fault code (see {@link FaultCode})
 * @param detail a code-specific unsigned 32-bit value
 */
public record Fault(int code, long detail) implements Message {

    public Fault {
        Ranges.check("code", code, 0, 0xFFFF);
        Ranges.check("detail", detail, 0, 0xFFFF_FFFFL);
    }

    /** A report of {@code kind}, which must not be {@link FaultCode#OTHER}. */
    public Fault(FaultCode kind, long detail) {
        this(Objects.requireNonNull(kind, "kind is null").code(), detail);
    }

    /** The known fault this code stands for, or {@link FaultCode#OTHER}. */
    public FaultCode kind() {
        return FaultCode.of(code);
    }

    @Override
    public MessageType type() {
        return MessageType.FAULT;
    }
}
