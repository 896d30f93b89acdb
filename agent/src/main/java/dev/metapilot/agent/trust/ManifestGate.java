package dev.metapilot.agent.trust;

import dev.metapilot.agent.policy.ModelGate;
import dev.metapilot.agent.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a model against the {@code SHA256SUMS} manifest of its directory when there is one (the shipped
 * {@code models/}): a listed model must match its checksum, and a model beside a manifest that does not list it is
 * refused. Models in directories without a manifest pass. Called on the thread that opens the policy.
 */
public final class ManifestGate implements ModelGate {

    @Override
    public void admit(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Optional<Manifest> manifest;
        try {
            manifest = Manifest.in(dir);
        } catch (IOException e) {
            throw new PolicyException("refused: cannot read the manifest beside " + file + ": " + e.getMessage(), e);
        }
        if (manifest.isEmpty()) {
            return;
        }
        String name = file.getFileName().toString();
        String expected = manifest.get().sumOf(name).orElseThrow(() -> new PolicyException("refused: model " + file
                + " is not listed in " + manifest.get().file()));
        String actual = Sha256.hex(bytes);
        if (!expected.equals(actual)) {
            throw new PolicyException("refused: model " + file + " has sha256 " + actual + " but "
                    + manifest.get().file() + " lists " + expected + ": the file is corrupt or was replaced");
        }
    }
}
