/**
 * The RL² trainer: PPO on the GRU actor-critic with vectorised trial rollouts (N environments, one batched forward per
 * step, environment stepping spread over a fixed worker pool), GAE over whole trials, recurrent minibatches of trial
 * pieces, a hand-written Adam whose moments are checkpointed, atomic checkpoints with resume, metrics, progress and
 * evaluation of the exported ONNX policy on held-out tasks.
 */
package dev.metapilot.sim.train;
