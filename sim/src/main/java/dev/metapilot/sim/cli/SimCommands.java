package dev.metapilot.sim.cli;

import dev.metapilot.agent.cli.CommandExtension;

/**
 * Contributes {@code jmh}, {@code train}, {@code eval}, {@code emulate}, {@code bench-loop}, {@code soak},
 * {@code set-selection} and {@code average-weights} to the launcher; each is listed in {@code META-INF/services}.
 */
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

    /** The {@code eval} command. */
    public static final class Eval implements CommandExtension {
        @Override
        public Object command() {
            return new EvalCommand();
        }
    }

    /** The {@code emulate} command. */
    public static final class Emulate implements CommandExtension {
        @Override
        public Object command() {
            return new EmulateCommand();
        }
    }

    /** The {@code bench-loop} command. */
    public static final class BenchLoop implements CommandExtension {
        @Override
        public Object command() {
            return new BenchLoopCommand();
        }
    }

    /** The {@code soak} command. */
    public static final class Soak implements CommandExtension {
        @Override
        public Object command() {
            return new SoakCommand();
        }
    }

    /** The {@code set-selection} command. */
    public static final class SetSelection implements CommandExtension {
        @Override
        public Object command() {
            return new SetSelectionCommand();
        }
    }

    /** The {@code average-weights} command. */
    public static final class AverageWeights implements CommandExtension {
        @Override
        public Object command() {
            return new AverageWeightsCommand();
        }
    }
}
