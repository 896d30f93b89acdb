package dev.metapilot.agent.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outside of a model as {@link PolicyContract} checks it: named inputs and outputs with element type and shape, and
 * the metadata. Built from an ONNX Runtime session when a policy is opened (or by {@link PolicyContract#signature} for
 * the exporter and tests); immutable.
 *
 * @param inputs graph inputs by name, in graph order
 * @param outputs graph outputs by name, in graph order
 * @param metadata the model's {@code metadata_props}
 */
public record ModelSignature(Map<String, Tensor> inputs, Map<String, Tensor> outputs, Map<String, String> metadata) {

    /** Element type of {@code float32} tensors, the only one {@code rl2/1} uses. */
    public static final String FLOAT32 = "float32";

    /** A dimension whose size is chosen at run time (ONNX Runtime reports symbolic dimensions as -1). */
    public static final long DYNAMIC = -1;

    public ModelSignature {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(inputs, "inputs is null")));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(outputs, "outputs is null")));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata,
                "metadata is null")));
    }

    /**
     * A tensor's type and shape.
     *
     * @param elementType {@link #FLOAT32}, {@code float64}, {@code int64}, ..., or {@code "not a tensor"}
     * @param dims sizes, {@link #DYNAMIC} for a dimension chosen at run time
     */
    public record Tensor(String elementType, List<Long> dims) {

        public Tensor {
            Objects.requireNonNull(elementType, "elementType is null");
            dims = List.copyOf(Objects.requireNonNull(dims, "dims is null"));
        }

        /** A float32 tensor of {@code dims}. */
        public static Tensor float32(long... dims) {
            return new Tensor(FLOAT32, Arrays.stream(dims).boxed().toList());
        }

        /** Type and shape as {@code float32[?, 12]}, with {@code ?} for a dynamic dimension. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(elementType).append('[');
            for (int i = 0; i < dims.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(dims.get(i) == DYNAMIC ? "?" : dims.get(i).toString());
            }
            return sb.append(']').toString();
        }
    }
}
