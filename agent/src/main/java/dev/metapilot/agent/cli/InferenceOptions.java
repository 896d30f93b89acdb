package dev.metapilot.agent.cli;

import dev.metapilot.agent.policy.ExecutionDevice;
import dev.metapilot.agent.policy.ModelGate;
import dev.metapilot.agent.policy.PolicyOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --device}, {@code --threads} and the action selection ({@code --greedy} / {@code --sample}), shared by the
 * commands that run ONNX policies on the agent's runtime ({@code run}, {@code trial}, {@code bench}): a picocli mixin,
 * filled on the main thread. A bad value is a usage error that names its flag.
 */
public final class InferenceOptions {

    @Option(names = "--device", paramLabel = "cpu|cuda|auto", description = "ONNX Runtime device (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "cpu", converter = DeviceConverter.class)
    ExecutionDevice device;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "1", converter = PositiveInt.class)
    int threads;

    @Mixin
    SelectionOptions selection;

    /** The options a policy is opened with, behind {@code gate}. */
    PolicyOptions policyOptions(ModelGate gate) {
        return new PolicyOptions(device, threads, selection.requested(), gate);
    }

    /** The action selection asked for, for a log header: {@code greedy}, {@code sample} or {@code model}. */
    String describeSelection() {
        return selection.describe();
    }

    int threads() {
        return threads;
    }

    /** {@code cpu}, {@code cuda} or {@code auto}. */
    static final class DeviceConverter implements ITypeConverter<ExecutionDevice> {
        @Override
        public ExecutionDevice convert(String value) {
            try {
                return ExecutionDevice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An integer of at least 1. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an integer");
            }
            if (n < 1) {
                throw new TypeConversionException("must be >= 1, got " + n);
            }
            return n;
        }
    }
}
