package dev.metapilot.sim.cli;

import dev.metapilot.agent.cli.CommandExtension;

/** Contributes {@code jmh} to the launcher; listed in {@code META-INF/services}. */
public final class SimCommands {

    private SimCommands() {}

    /** The {@code jmh} command. */
    public static final class Jmh implements CommandExtension {
        @Override
        public Object command() {
            return new JmhCommand();
        }

        @Override
        public boolean passesUnknownOptionsThrough() {
            return true;
        }
    }
}
