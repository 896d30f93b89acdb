package dev.metapilot.agent.testing;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Arrays;
import java.util.List;

/**
 * A thin writer of ONNX graphs over the protobuf classes that {@code tribuo-util-onnx} ships ({@code ai.onnx.proto}):
 * nodes with attributes, float and int64 initializers, and float inputs/outputs whose negative dimensions become the
 * symbolic batch dimension {@code B}. Tribuo's own {@code ONNXOperators} has neither GRU nor 3-D inputs, so the test
 * models are written at this level. Test code, one thread.
 */
public final class OnnxGraph {

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int unique;

    public OnnxGraph(String name) {
        graph.setName(name);
    }

    /** Declares a graph input of element type {@code type} ({@link TensorProto.DataType}); dims < 0 are {@code B}. */
    public OnnxGraph input(String name, TensorProto.DataType type, long... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return this;
    }

    /** Declares a graph output; dims < 0 are {@code B}. */
    public OnnxGraph output(String name, TensorProto.DataType type, long... dims) {
        graph.addOutput(valueInfo(name, type, dims));
        return this;
    }

    /** A float initializer (weights, constants); returns its name. */
    public String floats(String name, long[] dims, float... values) {
        long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for dims " + Arrays.toString(
                    dims));
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** An int64 initializer of {@code dims} (empty for a scalar); returns its name. */
    public String int64s(String name, long[] dims, long... values) {
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

    /** A one-output node; returns the output name ({@code out}, or a fresh name when {@code out} is null). */
    public String node(String op, String out, List<String> inputs, AttributeProto... attributes) {
        String name = out == null ? op.toLowerCase() + "_" + unique++ : out;
        nodes(op, List.of(name), inputs, attributes);
        return name;
    }

    /** A node with several outputs (GRU, Split); an empty string is an omitted optional input. */
    public void nodes(String op, List<String> outputs, List<String> inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + unique++).addAllInput(inputs)
                .addAllOutput(outputs);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    public static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public GraphProto build() {
        return graph.build();
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam("B")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor
                .newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }
}
