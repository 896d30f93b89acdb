package dev.metapilot.agent.cli;

/**
 * A subcommand contributed to {@code metapilot} by a module the agent does not depend on (the trainer's {@code train},
 * {@code eval}, {@code jmh}); found with {@link java.util.ServiceLoader} when the launcher starts, so a robot that
 * ships only the agent simply lacks those commands.
 */
public interface CommandExtension {

    /** A new picocli {@code @Command} object; it may declare {@code @ParentCommand MetapilotCommand}. */
    Object command();

    /**
     * True for a command that hands its arguments to another tool (JMH): options the command does not declare are then
     * passed on as positional parameters instead of being refused.
     */
    default boolean passesUnknownOptionsThrough() {
        return false;
    }
}
