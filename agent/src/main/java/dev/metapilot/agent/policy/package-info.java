/**
 * Policies the trial runner drives: the ONNX recurrent meta-policy ({@code rl2/1} contract) and the plugins' baselines,
 * behind one {@link dev.metapilot.agent.policy.Policy} interface.
 */
package dev.metapilot.agent.policy;
