package dev.metapilot.agent.cli;

import dev.metapilot.agent.plugin.PluginException;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;

/**
 * Entry point of the {@code ./metapilot} launcher: builds the command tree (the agent's commands plus every
 * {@link CommandExtension} on the class path), runs it, and turns errors into one clear line and a non-zero exit code
 * (the stack trace only with {@code -v}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the launcher with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        MetapilotCommand root = new MetapilotCommand();
        CommandLine cli = new CommandLine(root);
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class)) {
            CommandLine sub = new CommandLine(extension.command());
            sub.setUnmatchedOptionsArePositionalParams(extension.passesUnknownOptionsThrough());
            cli.addSubcommand(sub);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (root.verbose()) {
                e.printStackTrace(err);
            }
            err.println("error: " + (e instanceof PluginException || e.getMessage() != null
                    ? e.getMessage()
                    : e.toString()));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
