package dev.metapilot.agent.cli;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Space;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code metapilot plugins}: lists every discovered environment plugin with its spaces, episode limits and jar, each
 * configured with its defaults (which also checks that it initialises).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List the environment plugins found on the class path and in the plugins directory.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    private MetapilotCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--details", description = "Also print full spaces, options and baselines of each plugin.")
    private boolean details;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Agent agent = parent.startAgent()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"NAME", "OBSERVATION", "ACTION", "MAX STEPS", "EPISODES/TRIAL", "JAR"});
            List<String> more = new ArrayList<>();
            for (DiscoveredPlugin p : agent.plugins().all()) {
                EnvironmentFactory factory = agent.plugins().configure(p.name(), Map.of());
                EnvSpec s = factory.spec();
                rows.add(new String[]{p.name(), compact(s.observationSpace()), compact(s.actionSpace()),
                        Integer.toString(s.maxEpisodeSteps()), Integer.toString(s.episodesPerTrial()),
                        Path.of(p.origin()).getFileName().toString()});
                if (details) {
                    more.add(details(p, factory));
                }
            }
            Table.print(out, rows);
            for (String d : more) {
                out.println();
                out.print(d);
            }
        }
        out.flush();
        return 0;
    }

    private static String details(DiscoveredPlugin p, EnvironmentFactory factory) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.name()).append(": ").append(p.plugin().description()).append('\n');
        sb.append("  jar:         ").append(p.origin()).append('\n');
        sb.append("  spec id:     ").append(factory.spec().id()).append('\n');
        sb.append("  observation: ").append(factory.spec().observationSpace()).append('\n');
        sb.append("  action:      ").append(factory.spec().actionSpace()).append('\n');
        for (ConfigOption o : p.plugin().options()) {
            sb.append("  option ").append(o.key()).append('=').append(o.defaultValue()).append("  ")
                    .append(o.description()).append('\n');
        }
        sb.append("  baselines:   ").append(factory.baselines().stream().map(Baseline::name).collect(Collectors
                .joining(", "))).append('\n');
        sb.append("  task files:  ").append(factory.taskFileReader().isPresent() ? "yes (--tasks FILE)" : "no")
                .append('\n');
        return sb.toString();
    }

    /** A space in one short cell: {@code Discrete(4)}, {@code Box(2, [-1.0, 1.0])} or {@code Box(12)}. */
    static String compact(Space space) {
        return switch (space) {
            case Discrete d -> d.toString();
            case Box b -> {
                float lo = b.low(0);
                float hi = b.high(0);
                boolean uniform = true;
                for (int i = 1; i < b.dims(); i++) {
                    uniform &= b.low(i) == lo && b.high(i) == hi;
                }
                yield uniform ? "Box(" + b.dims() + ", [" + lo + ", " + hi + "])" : "Box(" + b.dims() + ")";
            }
        };
    }
}
