/**
 * ONNX export of trained RL² policies following the agent's {@code rl2/1} contract: the graph (observation
 * normalisation, stacked ONNX GRU nodes with PyTorch's gates mapped to ONNX's order, the heads), its metadata, and the
 * source commit it names.
 */
package dev.metapilot.sim.export;
