package dev.metapilot.agent.policy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX Runtime sessions for {@link OnnxModel} on the execution device asked for ({@link ExecutionDevice}): CUDA
 * when asked and present, otherwise the CPU, and logs which. Sessions are tuned for batch-1 latency: sequential
 * execution, one inter-op thread, the configured intra-op threads, all graph optimisations. Called on the thread that
 * opens a policy.
 */
final class SessionFactory {

    private static final Logger log = LoggerFactory.getLogger(SessionFactory.class);
    private static final Path NVIDIA_DRIVER = Path.of("/proc/driver/nvidia/version");

    /** A session, the options it was built with (closed after it), and the device it runs on. */
    record Opened(OrtSession session, SessionOptions options, ExecutionDevice device) implements AutoCloseable {

        @Override
        public void close() {
            OnnxModel.closeQuietly(session);
            options.close();
        }
    }

    private SessionFactory() {}

    /**
     * Opens a session on {@code model}'s bytes.
     *
     * @param file for messages and logs only
     * @throws PolicyException when the bytes are not a model ONNX Runtime can load, or CUDA was asked and is missing
     */
    static Opened open(byte[] model, Path file, PolicyOptions options) {
        try {
            OrtEnvironment.getEnvironment();
        } catch (LinkageError e) {
            throw new PolicyException("ONNX Runtime's native library cannot be loaded on this machine (" + System
                    .getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e, e);
        }
        return switch (options.device()) {
            case CPU -> create(model, file, options, false);
            case CUDA -> {
                String missing = cudaMissing();
                if (missing != null) {
                    throw new PolicyException("--device cuda: CUDA is not available (" + missing + "); valid devices: "
                            + ExecutionDevice.choices() + " (auto falls back to the CPU)");
                }
                yield create(model, file, options, true);
            }
            case AUTO -> {
                String missing = cudaMissing();
                if (missing == null) {
                    try {
                        yield create(model, file, options, true);
                    } catch (PolicyException e) {
                        missing = e.getMessage();
                    }
                }
                log.info("policy {}: --device auto: CUDA is not available ({}); running on the CPU", file, missing);
                yield create(model, file, options, false);
            }
        };
    }

    private static Opened create(byte[] model, Path file, PolicyOptions options, boolean cuda) {
        SessionOptions so = new SessionOptions();
        try {
            so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            so.setInterOpNumThreads(1);
            so.setIntraOpNumThreads(options.intraOpThreads());
            // failures reach the caller as exceptions; ONNX Runtime's own log joins ours with -v only
            so.setSessionLogLevel(log.isDebugEnabled()
                    ? OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING
                    : OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        } catch (OrtException e) {
            so.close();
            throw new PolicyException("cannot configure ONNX Runtime: " + e.getMessage(), e);
        }
        if (cuda) {
            try {
                so.addCUDA(0);
            } catch (OrtException | RuntimeException | LinkageError e) {
                so.close();
                throw new PolicyException("--device cuda: ONNX Runtime cannot start CUDA ("
                        + (e instanceof OrtException o
                                ? ortMessage(o)
                                : e.toString())
                        + "); valid devices: " + ExecutionDevice.choices(), e);
            }
        }
        try {
            OrtSession session = OrtEnvironment.getEnvironment().createSession(model, so);
            ExecutionDevice device = cuda ? ExecutionDevice.CUDA : ExecutionDevice.CPU;
            log.info("policy {} runs on {} with {} intra-op thread(s)", file, device, options.intraOpThreads());
            return new Opened(session, so, device);
        } catch (OrtException e) {
            so.close();
            throw new PolicyException("cannot load policy file " + file + " as an ONNX model: " + ortMessage(e), e);
        }
    }

    /** ONNX Runtime's message without its {@code Error code - ORT_FAIL - message:} prefix. */
    static String ortMessage(OrtException e) {
        String m = String.valueOf(e.getMessage()).strip();
        return m.replaceFirst("^Error code - \\w+ - message: ", "");
    }

    /** Why CUDA cannot work here, or null when it may: the runtime has no CUDA provider, or no NVIDIA driver runs. */
    static String cudaMissing() {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return "this ONNX Runtime build has no CUDA provider, only " + OrtEnvironment.getAvailableProviders();
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && !Files.exists(NVIDIA_DRIVER)) {
            return "no NVIDIA driver is loaded: " + NVIDIA_DRIVER + " does not exist";
        }
        return null;
    }
}
