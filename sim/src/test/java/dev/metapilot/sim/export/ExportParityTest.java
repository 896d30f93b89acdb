package dev.metapilot.sim.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Space;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import dev.metapilot.sim.testing.RandomWeights;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exported ONNX graph computes what the DJL model computes: random GRU policies (Discrete and Box actions, one and
 * two layers, with and without episode-reset units), run side by side over 500-step sequences of a batch of 3 with the
 * hidden state carried (and zeroed at random trial starts), give the same logits or means, log_std, values and hidden
 * states within 1e-5.
 */
class ExportParityTest {

    private static final int STEPS = 500;
    private static final int BATCH = 3;
    private static final float TOLERANCE = 1e-5f;

    @ParameterizedTest(name = "{0} actions, hidden {1}, {2} layer(s), {3} episode-reset units")
    @CsvSource({"discrete, 32, 1, 0", "discrete, 16, 2, 0", "box, 32, 1, 0", "box, 16, 2, 0", "discrete, 32, 1, 20",
            "box, 16, 2, 16"})
    void djlAndOnnxRuntimeAgreeOverLongSequences(String kind, int hidden, int layers, int resetUnits)
            throws Exception {
        Space actions = kind.equals("box") ? new Box(new float[]{-1f, -2f}, new float[]{1f, 2f}) : new Discrete(5);
        EnvSpec spec = new EnvSpec("parity", Box.uniform(6, -3f, 3f), actions, 50, 2);
        NetworkShape shape = NetworkShape.of(spec, hidden, layers).withEpisodeResetUnits(resetUnits);
        SplittableRandom random = new SplittableRandom(hidden * 31L + layers);
        ObservationNormalization norm = randomNormalization(random, 6);
        try (Rl2Model model = Rl2Model.create(shape, Device.cpu(), 7, -0.3f)) {
            model.load(RandomWeights.of(model, random));
            PolicyMetadata meta = PolicyMetadata.of(spec, hidden, layers, 1234, "parity test", "abc123");
            byte[] onnx = OnnxPolicyExporter.bytes(model.weights(), norm, meta);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
                assertThat(session.getMetadata().getCustomMetadata()).containsAllEntriesOf(meta.toProperties());
                compare(model, session, env, shape, norm, random);
            }
        }
    }

    private static void compare(Rl2Model model, OrtSession session, OrtEnvironment env, NetworkShape shape,
            ObservationNormalization norm, SplittableRandom random) throws Exception {
        int o = shape.observationSize();
        int a = shape.actionSize();
        int in = shape.inputSize();
        float[] djlState = new float[shape.layers() * BATCH * shape.hidden()];
        float[] onnxState = djlState.clone();
        float[] heads = new float[BATCH * shape.headSize()];
        float[] next = new float[djlState.length];
        float[] logStd = shape.continuous() ? model.logStd().toFloatArray() : new float[0];
        float worst = 0;
        for (int t = 0; t < STEPS; t++) {
            float[] obs = new float[BATCH * o];
            float[] prevAction = new float[BATCH * a];
            float[] prevReward = new float[BATCH];
            float[] prevDone = new float[BATCH];
            float[] x = new float[BATCH * in];
            for (int b = 0; b < BATCH; b++) {
                for (int i = 0; i < o; i++) {
                    obs[b * o + i] = (float) (random.nextGaussian() * 4);
                }
                if (shape.continuous()) {
                    for (int i = 0; i < a; i++) {
                        prevAction[b * a + i] = (float) random.nextGaussian();
                    }
                } else {
                    prevAction[b * a + random.nextInt(a)] = 1f;
                }
                prevReward[b] = (float) random.nextGaussian();
                prevDone[b] = random.nextInt(10) == 0 ? 1f : 0f;
                norm.apply(obs, b * o, x, b * in);
                System.arraycopy(prevAction, b * a, x, b * in + o, a);
                x[b * in + o + a] = prevReward[b];
                x[b * in + o + a + 1] = prevDone[b];
                if (random.nextInt(50) == 0) { // a trial starts: both sides from zero
                    for (int l = 0; l < shape.layers(); l++) {
                        int from = (l * BATCH + b) * shape.hidden();
                        java.util.Arrays.fill(djlState, from, from + shape.hidden(), 0f);
                        java.util.Arrays.fill(onnxState, from, from + shape.hidden(), 0f);
                    }
                }
            }
            model.step(x, djlState, null, BATCH, heads, next);
            Map<String, OnnxTensor> feed = new LinkedHashMap<>();
            feed.put(PolicyContract.OBS, tensor(env, obs, BATCH, o));
            feed.put(PolicyContract.PREV_ACTION, tensor(env, prevAction, BATCH, a));
            feed.put(PolicyContract.PREV_REWARD, tensor(env, prevReward, BATCH, 1));
            feed.put(PolicyContract.PREV_DONE, tensor(env, prevDone, BATCH, 1));
            feed.put(PolicyContract.H_IN, tensor(env, onnxState, shape.layers(), BATCH, shape.hidden()));
            try (OrtSession.Result result = session.run(feed)) {
                float[] actions = floats(result, PolicyContract.ACTIONS);
                float[] value = floats(result, PolicyContract.VALUE);
                float[] hOut = floats(result, PolicyContract.H_OUT);
                for (int b = 0; b < BATCH; b++) {
                    for (int i = 0; i < a; i++) {
                        worst = Math.max(worst, Math.abs(actions[b * a + i] - heads[b * shape.headSize() + i]));
                    }
                    worst = Math.max(worst, Math.abs(value[b] - heads[b * shape.headSize() + a]));
                }
                if (shape.continuous()) {
                    float[] std = floats(result, PolicyContract.LOG_STD);
                    for (int b = 0; b < BATCH; b++) {
                        for (int i = 0; i < a; i++) {
                            assertThat(std[b * a + i]).isEqualTo(logStd[i]);
                        }
                    }
                } else {
                    assertThat(result.get(PolicyContract.LOG_STD)).isEmpty();
                }
                for (int i = 0; i < hOut.length; i++) {
                    worst = Math.max(worst, Math.abs(hOut[i] - next[i]));
                }
                System.arraycopy(hOut, 0, onnxState, 0, hOut.length);
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
            System.arraycopy(next, 0, djlState, 0, next.length);
            assertThat(worst).as("largest difference up to step %d", t).isLessThanOrEqualTo(TOLERANCE);
        }
        assertThat(worst).isGreaterThan(0f); // the two sides really computed independently
    }

    private static ObservationNormalization randomNormalization(SplittableRandom random, int features) {
        float[] mean = new float[features];
        float[] inv = new float[features];
        for (int i = 0; i < features; i++) {
            mean[i] = (float) random.nextDouble(-1, 1);
            inv[i] = (float) random.nextDouble(0.2, 3);
        }
        return new ObservationNormalization(mean, inv, 5f);
    }

    private static OnnxTensor tensor(OrtEnvironment env, float[] values, long... dims) throws Exception {
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(values), dims);
    }

    private static float[] floats(OrtSession.Result result, String name) {
        FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
