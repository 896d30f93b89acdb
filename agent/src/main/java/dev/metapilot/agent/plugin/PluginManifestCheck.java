package dev.metapilot.agent.plugin;

import dev.metapilot.agent.trust.Manifest;
import dev.metapilot.agent.trust.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --strict-plugins}: every jar of the plugins directory must be listed in its {@code SHA256SUMS} with a matching
 * SHA-256; anything else is refused by name before a class loader opens it. Called by {@link PluginDiscovery}.
 */
final class PluginManifestCheck {

    private PluginManifestCheck() {}

    static void check(Path dir, List<Path> jars) {
        Manifest manifest;
        try {
            manifest = Manifest.in(dir).orElseThrow(() -> new PluginException("--strict-plugins: " + dir
                    + " has no " + Manifest.FILE_NAME + " listing its jars"));
        } catch (IOException e) {
            throw new PluginException("--strict-plugins: " + e.getMessage(), e);
        }
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            String expected = manifest.sumOf(name).orElseThrow(() -> new PluginException("--strict-plugins: plugin "
                    + "jar " + jar + " is not listed in " + manifest.file() + "; refused"));
            String actual;
            try {
                actual = Sha256.hexOf(jar);
            } catch (IOException e) {
                throw new PluginException("cannot read plugin jar " + jar + ": " + e.getMessage(), e);
            }
            if (!expected.equals(actual)) {
                throw new PluginException("--strict-plugins: plugin jar " + jar + " has sha256 " + actual + " but "
                        + manifest.file() + " lists " + expected + "; refused");
            }
        }
    }
}
