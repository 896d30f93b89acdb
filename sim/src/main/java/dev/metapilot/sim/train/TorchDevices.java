package dev.metapilot.sim.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.engine.StandardCapabilities;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code --device cpu|cuda|auto} into the DJL device the trainer runs on: {@code cuda} fails with the reason when
 * PyTorch cannot use a GPU (the CPU-only native library is on the class path, or no NVIDIA driver/GPU is visible);
 * {@code auto} takes the first GPU when there is one and the CPU otherwise, and logs which. Main thread, before the
 * model is made.
 */
final class TorchDevices {

    private static final Logger log = LoggerFactory.getLogger(TorchDevices.class);

    private TorchDevices() {}

    /**
     * @throws IllegalArgumentException for a name other than cpu, cuda, auto
     * @throws TrainingException for {@code cuda} without a usable GPU
     */
    static Device resolve(String name) {
        String choice = name.strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "cuda" -> {
                String missing = cudaMissing();
                if (missing != null) {
                    throw new TrainingException("--device cuda: " + missing + "; valid devices: cpu, cuda, auto "
                            + "(auto falls back to the CPU)");
                }
                yield Device.gpu();
            }
            case "auto" -> {
                String missing = cudaMissing();
                if (missing == null) {
                    yield Device.gpu();
                }
                log.info("--device auto: training on the CPU ({})", missing);
                yield Device.cpu();
            }
            default -> throw new IllegalArgumentException("unknown device '" + name + "'; valid: cpu, cuda, auto");
        };
    }

    /**
     * The PyTorch engine, started on first use.
     *
     * @throws TrainingException when its native library cannot be loaded, saying why that usually happens
     */
    static Engine engine() {
        try {
            return Engine.getInstance();
        } catch (EngineException | LinkageError e) {
            throw new TrainingException("PyTorch cannot start: " + e.getMessage() + " (a CUDA build, -Pcuda, only "
                    + "loads where an NVIDIA driver for CUDA 12.4 or newer is present, otherwise DJL wants to download a "
                    + "CPU library, which ai.djl.offline=true forbids: build without -Pcuda on such a machine)", e);
        }
    }

    /** Why PyTorch cannot train on a GPU here, or null when it can. */
    static String cudaMissing() {
        Engine engine = engine();
        if (!engine.hasCapability(StandardCapabilities.CUDA)) {
            return "the PyTorch " + engine.getVersion() + " native library on the class path is the CPU-only build "
                    + "(pytorch-native-cpu); build with `./mvnw -Pcuda package` for the CUDA one";
        }
        if (engine.getGpuCount() == 0) {
            return "PyTorch " + engine.getVersion() + " has CUDA but sees no GPU (no NVIDIA driver or device visible)";
        }
        return null;
    }
}
