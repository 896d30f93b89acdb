/**
 * Fuzz tests of the agent's inputs (model bytes, command lines): none may crash the JVM, hang, or start a trial; each
 * gets a clear error. CI-sized counts here; raise them with {@code -Djqwik.tries.default=N}.
 */
package dev.metapilot.agent.fuzz;
