package dev.metapilot.agent.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.metapilot.agent.policy.ModelSignature.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One ONNX Runtime session over a policy file that passed {@link PolicyContract#checkModel}: the file is read once, its
 * SHA-256 taken from the very bytes the session is built from. Opened and closed by {@link OnnxPolicy}, on the thread
 * that opens the policy.
 */
final class OnnxModel implements AutoCloseable {

    private final Path file;
    private final String sha256;
    private final SessionFactory.Opened opened;
    private final PolicyMetadata metadata;

    private OnnxModel(Path file, String sha256, SessionFactory.Opened opened, PolicyMetadata metadata) {
        this.file = file;
        this.sha256 = sha256;
        this.opened = opened;
        this.metadata = metadata;
    }

    /**
     * Reads {@code file}, opens a session on the device {@code options} ask for and checks the model against the
     * contract.
     *
     * @throws PolicyException naming the file: missing or unreadable, not an ONNX model, or breaking {@code rl2/1}
     */
    static OnnxModel open(Path file, PolicyOptions options) {
        byte[] bytes = read(file);
        options.gate().admit(file, bytes);
        String sha256 = sha256(bytes);
        SessionFactory.Opened opened = SessionFactory.open(bytes, file, options);
        try {
            PolicyMetadata metadata = PolicyContract.checkModel(signature(opened.session()));
            return new OnnxModel(file, sha256, opened, metadata);
        } catch (PolicyException e) {
            opened.close();
            throw new PolicyException("cannot use policy " + file + ": " + e.getMessage(), e);
        } catch (OrtException | RuntimeException e) {
            opened.close();
            throw new PolicyException("cannot read the inputs and outputs of policy " + file + ": " + e.getMessage(),
                    e);
        }
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    OrtSession session() {
        return opened.session();
    }

    ExecutionDevice device() {
        return opened.device();
    }

    PolicyMetadata metadata() {
        return metadata;
    }

    @Override
    public void close() {
        opened.close();
    }

    /** The session's inputs, outputs and metadata as the contract sees them. */
    static ModelSignature signature(OrtSession session) throws OrtException {
        return new ModelSignature(tensors(session.getInputInfo()), tensors(session.getOutputInfo()), session
                .getMetadata().getCustomMetadata());
    }

    private static Map<String, Tensor> tensors(Map<String, NodeInfo> infos) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (NodeInfo node : infos.values()) {
            if (node.getInfo() instanceof TensorInfo t) {
                String type = t.onnxType.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
                type = switch (type) {
                    case "float" -> ModelSignature.FLOAT32;
                    case "double" -> "float64";
                    default -> type;
                };
                out.put(node.getName(), new Tensor(type, Arrays.stream(t.getShape()).boxed().toList()));
            } else {
                out.put(node.getName(), new Tensor("not a tensor (" + node.getInfo() + ")", List.of()));
            }
        }
        return out;
    }

    private static byte[] read(Path file) {
        if (!Files.exists(file)) {
            throw new PolicyException("policy file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new PolicyException("policy file " + file + " is not a regular file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new PolicyException("policy file " + file + " is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + e, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a native handle on an error path; the original error is what matters
        }
    }
}
