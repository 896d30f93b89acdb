package dev.metapilot.sim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code metapilot jmh [REGEX] [JMH options]}: runs the JMH benchmarks of {@code dev.metapilot.sim.bench} with the
 * launcher's class path; every argument is passed to JMH ({@code -h} lists its options).
 */
@Command(name = "jmh", description = {
        "Run JMH benchmarks (arguments go to JMH; try `jmh -l` to list, `jmh -h` for JMH's options).",
        "Example: ./metapilot jmh MazeBenchmark -f 1 -wi 2 -i 3",
        "Put JMH options that clash with metapilot's own (-v, -h) after --: ./metapilot jmh -- -h"}, mixinStandardHelpOptions = false)
final class JmhCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JMH-ARGS", arity = "0..*", description = "Arguments for JMH.")
    private List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH arguments: " + e.getMessage(), e);
        }
        if (options.shouldHelp()) {
            options.showHelp();
            return 0;
        }
        if (options.shouldList()) {
            new Runner(options).list();
            return 0;
        }
        return new Runner(options).run().isEmpty() ? 1 : 0;
    }
}
