/**
 * The trainer's recurrent actor-critic: its shape, the DJL block (GRU core with PyTorch's r,z,n gates and a joint
 * policy/value head), the running-statistics observation normalisation it is fed through, and the plain weights the
 * exporter turns into an {@code rl2/1} ONNX graph.
 */
package dev.metapilot.sim.model;
