/** The subcommands the simulator side adds to {@code metapilot} through the agent's command extension point. */
package dev.metapilot.sim.cli;
