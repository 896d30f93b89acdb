package dev.metapilot.agent.policy;

import static dev.metapilot.agent.policy.PolicyContract.ACTIONS;
import static dev.metapilot.agent.policy.PolicyContract.H_IN;
import static dev.metapilot.agent.policy.PolicyContract.H_OUT;
import static dev.metapilot.agent.policy.PolicyContract.LOG_STD;
import static dev.metapilot.agent.policy.PolicyContract.OBS;
import static dev.metapilot.agent.policy.PolicyContract.PREV_ACTION;
import static dev.metapilot.agent.policy.PolicyContract.PREV_DONE;
import static dev.metapilot.agent.policy.PolicyContract.PREV_REWARD;
import static dev.metapilot.agent.policy.PolicyContract.VALUE;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.metapilot.env.Box;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch-1 tensors of one {@link OnnxPolicy}: every input and output lives in a direct buffer allocated once, with
 * one {@link OnnxTensor} over it made once. Outputs are pinned: ONNX Runtime writes them straight into these buffers,
 * so a step creates no tensors and copies nothing out. The hidden state is double-buffered: {@code h_out} is written
 * into the buffer that is not {@code h_in}, and {@link #commitHidden()} swaps the two, so carrying it costs no copy and
 * an uncommitted (non-finite) step leaves the previous state untouched. Used on the policy's trial thread only.
 */
final class Rl2Tensors implements AutoCloseable {

    final FloatBuffer obs;
    final FloatBuffer prevAction;
    final FloatBuffer prevReward;
    final FloatBuffer prevDone;
    final FloatBuffer actions;
    /** Null for a Discrete action space. */
    final FloatBuffer logStd;
    final FloatBuffer value;
    private final FloatBuffer[] hidden = new FloatBuffer[2];
    private final List<OnnxTensor> tensors = new ArrayList<>();
    private final List<Map<String, OnnxTensor>> inputs = new ArrayList<>(2);
    private final List<Map<String, OnnxTensor>> outputs = new ArrayList<>(2);
    /** Which of {@link #hidden} holds the current state, fed as {@code h_in}. */
    private int current;

    Rl2Tensors(PolicyMetadata metadata) throws OrtException {
        int o = metadata.observationSpace().flatSize();
        int a = metadata.actionSpace().flatSize();
        long[] hiddenShape = {metadata.layers(), 1, metadata.hiddenSize()};
        int hiddenSize = metadata.layers() * metadata.hiddenSize();
        try {
            obs = buffer(o);
            prevAction = buffer(a);
            prevReward = buffer(1);
            prevDone = buffer(1);
            actions = buffer(a);
            logStd = metadata.actionSpace() instanceof Box ? buffer(a) : null;
            value = buffer(1);
            hidden[0] = buffer(hiddenSize);
            hidden[1] = buffer(hiddenSize);
            OnnxTensor[] h = {tensor(hidden[0], hiddenShape), tensor(hidden[1], hiddenShape)};
            Map<String, OnnxTensor> in = new LinkedHashMap<>();
            in.put(OBS, tensor(obs, 1, o));
            in.put(PREV_ACTION, tensor(prevAction, 1, a));
            in.put(PREV_REWARD, tensor(prevReward, 1, 1));
            in.put(PREV_DONE, tensor(prevDone, 1, 1));
            Map<String, OnnxTensor> out = new LinkedHashMap<>();
            out.put(ACTIONS, tensor(actions, 1, a));
            if (logStd != null) {
                out.put(LOG_STD, tensor(logStd, 1, a));
            }
            out.put(VALUE, tensor(value, 1, 1));
            for (int k = 0; k < 2; k++) {
                Map<String, OnnxTensor> ink = new LinkedHashMap<>(in);
                ink.put(H_IN, h[k]);
                inputs.add(ink);
                Map<String, OnnxTensor> outk = new LinkedHashMap<>(out);
                outk.put(H_OUT, h[1 - k]);
                outputs.add(outk);
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs one step: reads the input buffers and the current hidden state, writes every output buffer. */
    void run(OrtSession session) throws OrtException {
        // every output is pinned: the result owns nothing, the values are already in the buffers
        session.run(inputs.get(current), outputs.get(current)).close();
    }

    /** True when the last {@link #run} wrote only finite actions, log_std, value and next hidden state. */
    boolean outputsFinite() {
        return finite(actions) && (logStd == null || finite(logStd)) && finite(value) && finite(hidden[1 - current]);
    }

    /** Makes the last run's {@code h_out} the current hidden state. */
    void commitHidden() {
        current = 1 - current;
    }

    /** Hidden state back to zero (trial start). */
    void zeroHidden() {
        for (FloatBuffer h : hidden) {
            for (int i = 0; i < h.capacity(); i++) {
                h.put(i, 0f);
            }
        }
    }

    /** The current hidden state, {@code [L*H]} row-major; a live view for tests and diagnostics. */
    FloatBuffer hiddenState() {
        return hidden[current].asReadOnlyBuffer();
    }

    @Override
    public void close() {
        for (OnnxTensor t : tensors) {
            t.close();
        }
        tensors.clear();
    }

    private static boolean finite(FloatBuffer b) {
        for (int i = 0; i < b.capacity(); i++) {
            if (!Float.isFinite(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static FloatBuffer buffer(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private OnnxTensor tensor(FloatBuffer buffer, long... shape) throws OrtException {
        OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buffer, shape);
        tensors.add(t);
        return t;
    }
}
