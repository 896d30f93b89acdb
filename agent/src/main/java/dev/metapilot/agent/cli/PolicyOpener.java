package dev.metapilot.agent.cli;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.policy.BaselinePolicy;
import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.policy.Policy;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvironmentFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns a {@code --policy} argument into a {@link Policy}: a baseline of the chosen plugin by name, or an ONNX model
 * file checked against the plugin's spec before its first step. Used by the commands on the main thread.
 */
public final class PolicyOpener {

    private final DiscoveredPlugin plugin;
    private final EnvironmentFactory factory;
    private final PolicyOptions options;

    public PolicyOpener(DiscoveredPlugin plugin, EnvironmentFactory factory, PolicyOptions options) {
        this.plugin = Objects.requireNonNull(plugin, "plugin is null");
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.options = Objects.requireNonNull(options, "options is null");
    }

    /**
     * A new policy for {@code spec}: a baseline of the plugin by that name, else the model file at that path; one per
     * trial thread.
     *
     * @throws IllegalArgumentException when {@code spec} is neither, listing the baselines
     */
    public Policy open(String spec) {
        for (Baseline b : factory.baselines()) {
            if (b.name().equals(spec)) {
                return new BaselinePolicy(b);
            }
        }
        Path file = Path.of(spec);
        if (Files.isRegularFile(file)) {
            return openModel(file);
        }
        throw new IllegalArgumentException("--policy '" + spec + "' is neither a model file nor a baseline of plugin '"
                + plugin.name() + "'; baselines: " + factory.baselines().stream().map(Baseline::name).collect(
                        Collectors.joining(", ")));
    }

    private Policy openModel(Path file) {
        return OnnxPolicy.open(file, options, factory.spec(), plugin.name());
    }

    /** What the run log's header says about {@code policy}. */
    public Map<String, Object> describe(Policy policy) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", policy.name());
        if (policy instanceof OnnxPolicy onnx) {
            d.put("kind", "onnx");
            d.put("sha256", onnx.sha256());
            d.put("device", onnx.device().toString());
            d.put("selection", onnx.selection().toString());
            d.put("metadata", onnx.metadata().toProperties());
        } else {
            d.put("kind", "baseline");
        }
        return d;
    }
}
