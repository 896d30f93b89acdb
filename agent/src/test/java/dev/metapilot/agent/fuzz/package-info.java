/**
 * Fuzz tests of the agent's inputs (model bytes, command lines): none may crash the JVM, hang, or start a trial; each
 * gets a clear error. CI-sized counts here; each target's count is a system property ({@code agent.fuzz.models},
 * {@code agent.fuzz.command-lines}, see {@link dev.metapilot.env.testing.FuzzCount}), which the {@code fuzz} Maven
 * profile raises.
 */
package dev.metapilot.agent.fuzz;
