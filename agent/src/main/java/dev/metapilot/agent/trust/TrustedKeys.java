package dev.metapilot.agent.trust;

import dev.metapilot.agent.policy.ModelGate;
import dev.metapilot.agent.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public keys a fleet trusts ({@code --trust DIR}: every {@code *.pub} in it) and the {@link ModelGate} that
 * refuses a model file unless a trusted key signed exactly its bytes. Built once on the main thread; immutable.
 */
public final class TrustedKeys implements ModelGate {

    private final Map<String, PublicKey> byId;
    private final Path dir;

    private TrustedKeys(Path dir, Map<String, PublicKey> byId) {
        this.dir = dir;
        this.byId = Map.copyOf(byId);
    }

    /**
     * Loads every {@code *.pub} of {@code dir}.
     *
     * @throws IOException when the directory is missing, holds no key, or holds a malformed key
     */
    public static TrustedKeys load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("trust directory " + dir + " does not exist");
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pub")).sorted().toList()) {
                PublicKey k = KeyFiles.readPublic(f);
                keys.put(KeyFiles.id(k), k);
            }
        }
        if (keys.isEmpty()) {
            throw new IOException("trust directory " + dir + " holds no *.pub key");
        }
        return new TrustedKeys(dir, keys);
    }

    @Override
    public void admit(Path file, byte[] bytes) {
        DetachedSignature sig;
        try {
            sig = DetachedSignature.readFor(file);
        } catch (IOException e) {
            throw new PolicyException("refused: " + e.getMessage() + "; with --trust every model must be signed "
                    + "(./metapilot sign --key KEY " + file + ")", e);
        }
        PublicKey key = byId.get(sig.keyId());
        if (key == null) {
            throw new PolicyException("refused: model " + file + " is signed by key " + sig.keyId()
                    + ", which is not in " + dir + " (trusted: " + String.join(", ", byId.keySet()) + ")");
        }
        if (!sig.verifies(bytes, key)) {
            throw new PolicyException("refused: the signature of model " + file + " does not match its contents "
                    + "(file sha256 " + Sha256.hex(bytes) + ", signed sha256 " + sig.sha256()
                    + "): the file was changed after signing");
        }
    }
}
