package dev.metapilot.agent.cli;

import ch.qos.logback.classic.Level;
import dev.metapilot.agent.plugin.PluginDiscovery;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.agent.runtime.AgentConfig;
import dev.metapilot.agent.policy.ModelGate;
import dev.metapilot.agent.trust.ManifestGate;
import dev.metapilot.agent.trust.TrustedKeys;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code metapilot} command: options every subcommand shares (verbosity, plugins directory) and the start
 * of an {@link Agent} for the subcommands that need one. Runs on the main thread.
 */
@Command(name = "metapilot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Runs recurrent (RL²) meta-policies on environment plugins, simulated or real.", subcommands = {
        PluginsCommand.class, RunCommand.class, TrialCommand.class, KeygenCommand.class, SignCommand.class,
        BenchCommand.class,
        picocli.CommandLine.HelpCommand.class})
public final class MetapilotCommand {

    /** Where the launcher lives; {@code plugins.d/} next to it is the default plugins directory. */
    static final String HOME_PROPERTY = "metapilot.home";

    private Path pluginsDir;
    private boolean verbose;
    private Path trustDir;
    private boolean strictPlugins;

    @Option(names = "--plugins-dir", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Directory of plugin jars, each loaded in its own class loader (default: plugins.d/ next to the launcher).")
    void setPluginsDir(Path dir) {
        this.pluginsDir = dir;
    }

    @Option(names = "--trust", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Run only models signed by a key in DIR (*.pub); see `keygen` and `sign`.")
    void setTrustDir(Path dir) {
        this.trustDir = dir;
    }

    @Option(names = "--strict-plugins", scope = ScopeType.INHERIT, description = "Load only plugin jars listed with their SHA-256 in the plugins directory's SHA256SUMS.")
    void setStrictPlugins(boolean strict) {
        this.strictPlugins = strict;
    }

    @Option(names = {"-v",
            "--verbose"}, scope = ScopeType.INHERIT, description = "Log at debug level (quiet by default).")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        Level level = verbose ? Level.DEBUG : Level.WARN;
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.metapilot")).setLevel(level);
    }

    boolean verbose() {
        return verbose;
    }

    /** The agent configuration these options describe. */
    public AgentConfig agentConfig() {
        if (pluginsDir != null) {
            return new AgentConfig(pluginsDir, true, strictPlugins);
        }
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "."));
        return new AgentConfig(home.resolve("plugins.d"), false, strictPlugins);
    }

    /**
     * What every model file must pass before it is loaded: the checksum manifest of its directory when there is one,
     * and with {@code --trust} a signature by a trusted key.
     */
    public ModelGate modelGate() throws IOException {
        ModelGate gate = new ManifestGate();
        return trustDir == null ? gate : gate.and(TrustedKeys.load(trustDir));
    }

    /** Discovers the plugins and starts an agent; the caller closes it. */
    public Agent startAgent() {
        return Agent.start(agentConfig(), new PluginDiscovery());
    }
}
