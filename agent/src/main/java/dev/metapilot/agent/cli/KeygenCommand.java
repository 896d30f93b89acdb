package dev.metapilot.agent.cli;

import dev.metapilot.agent.trust.KeyFiles;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code metapilot keygen}: creates an Ed25519 key pair for signing a fleet's models. */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = {
        "Create an Ed25519 key pair: DIR/NAME.key (private, keep it off the robots) and DIR/NAME.pub (copy it into "
                + "the robots' --trust directory).",
        "Example: ./metapilot keygen --out keys --name fleet"})
final class KeygenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files.")
    private Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "metapilot", description = "Base name of the key files (default: ${DEFAULT-VALUE}).")
    private String name;

    @Override
    public Integer call() throws Exception {
        KeyPair pair = KeyFiles.generate();
        KeyFiles.write(pair, out, name);
        spec.commandLine().getOut().printf("key %s: %s (private), %s (public)%n", KeyFiles.id(pair.getPublic()), out
                .resolve(name + ".key"), out.resolve(name + ".pub"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
