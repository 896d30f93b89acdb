package dev.metapilot.sim.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/**
 * Builds one ONNX graph with the protobuf classes that {@code tribuo-util-onnx} ships ({@code ai.onnx.proto}): float
 * inputs and outputs whose dynamic dimensions are the symbolic batch {@code B}, float and int64 initializers (float
 * weights as little-endian raw data), and nodes with int and float attributes. Tribuo's own operator set has no GRU, so
 * nodes are written at this level. Used by {@link OnnxPolicyExporter} on the calling thread.
 */
final class OnnxGraphWriter {

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int unique;

    OnnxGraphWriter(String name) {
        graph.setName(name);
    }

    /** Declares a float32 graph input; a negative dimension is the symbolic batch {@code B}. */
    void input(String name, long... dims) {
        graph.addInput(valueInfo(name, dims));
    }

    /** Declares a float32 graph output; a negative dimension is the symbolic batch {@code B}. */
    void output(String name, long... dims) {
        graph.addOutput(valueInfo(name, dims));
    }

    /** A float initializer of {@code dims}; returns its name. */
    String floats(String name, long[] dims, float[] values) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + n + " elements");
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** An int64 initializer of {@code dims} (empty for a scalar); returns its name. */
    String int64s(String name, long[] dims, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A node with one output named {@code out} (a fresh name when null); returns the output's name. */
    String node(String op, String out, List<String> inputs, AttributeProto... attributes) {
        String name = out == null ? op.toLowerCase(Locale.ROOT) + "_" + unique++ : out;
        nodes(op, List.of(name), inputs, attributes);
        return name;
    }

    /** A node with several outputs (GRU, Split); an empty input name is an omitted optional input. */
    void nodes(String op, List<String> outputs, List<String> inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + unique++).addAllInput(inputs)
                .addAllOutput(outputs);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    GraphProto build() {
        return graph.build();
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam("B")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor
                .newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
