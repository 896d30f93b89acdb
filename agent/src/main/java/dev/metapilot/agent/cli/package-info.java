/**
 * The {@code metapilot} launcher: picocli commands of the agent ({@code plugins}, later {@code run}, {@code bench})
 * plus those that other modules contribute through {@link dev.metapilot.agent.cli.CommandExtension}.
 */
package dev.metapilot.agent.cli;
