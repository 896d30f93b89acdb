/**
 * Guice wiring of the agent: one small module per concern, plugin registrations through a {@code Multibinder}, and the
 * explicit start and close of the runtime's services ({@link dev.metapilot.agent.runtime.Agent}).
 */
package dev.metapilot.agent.runtime;
