package dev.metapilot.agent.cli;

import dev.metapilot.agent.trust.DetachedSignature;
import dev.metapilot.agent.trust.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code metapilot sign}: writes {@code MODEL.sig}, a detached Ed25519 signature over the model file's SHA-256, which
 * an agent started with {@code --trust DIR} checks before it loads the model.
 */
@Command(name = "sign", mixinStandardHelpOptions = true, description = {
        "Sign model files with a private key from `keygen`; writes MODEL.sig beside each.",
        "Example: ./metapilot sign --key keys/fleet.key models/maze.onnx"})
final class SignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Private key file (NAME.key).")
    private Path key;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model files to sign.")
    private java.util.List<Path> models;

    @Override
    public Integer call() throws Exception {
        PrivateKey privateKey = KeyFiles.readPrivate(key);
        Path pub = key.resolveSibling(key.getFileName().toString().replaceFirst("\\.key$", "") + ".pub");
        if (!Files.isRegularFile(pub)) {
            throw new IllegalArgumentException("no public key " + pub + " beside " + key
                    + "; sign needs the pair that keygen wrote");
        }
        String keyId = KeyFiles.id(KeyFiles.readPublic(pub));
        for (Path model : models) {
            byte[] bytes = Files.readAllBytes(model);
            DetachedSignature sig = DetachedSignature.sign(bytes, privateKey, keyId);
            if (!sig.verifies(bytes, KeyFiles.readPublic(pub))) {
                throw new IllegalArgumentException(key + " and " + pub + " are not one key pair");
            }
            sig.writeFor(model);
            spec.commandLine().getOut().printf("signed %s (sha256 %s) with key %s -> %s%n", model, sig.sha256(), keyId,
                    DetachedSignature.fileFor(model));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
