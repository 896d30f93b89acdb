/**
 * The environment SPI of Metapilot: what an environment plugin implements and what the agent runtime and the trainer
 * call.
 *
 * <p>
 * Gymnasium semantics made meta-RL aware: a {@link dev.metapilot.env.Task} is one MDP drawn from a plugin's
 * {@link dev.metapilot.env.TaskDistribution}; a trial runs several episodes of one task while the policy keeps its
 * memory. The hot path ({@link dev.metapilot.env.Environment#reset} and {@link dev.metapilot.env.Environment#step})
 * writes into caller-owned buffers and allocates nothing.
 *
 * <p>
 * This package depends on nothing but the JDK and the SLF4J API.
 */
package dev.metapilot.env;
