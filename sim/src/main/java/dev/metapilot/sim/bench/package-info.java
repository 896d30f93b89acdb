/**
 * JMH benchmarks of the environments and the runtime, run with {@code ./metapilot jmh [REGEX] [JMH options]}; they
 * report figures, never pass or fail.
 */
package dev.metapilot.sim.bench;
