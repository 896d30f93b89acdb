package dev.metapilot.sim.cli;

import dev.metapilot.agent.cli.CommandExtension;

/** Contributes {@code jmh} and {@code train} to the launcher; each is listed in {@code META-INF/services}. */
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

    /** The {@code train} command. */
    public static final class Train implements CommandExtension {
        @Override
        public Object command() {
            return new TrainCommand();
        }
    }
}
