package dev.metapilot.agent.cli;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.realtime.LoopSettings;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.ConfigOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plugin options of a real-time trial and its loop rate: {@code --rate} is handed to the plugin's {@code rate}
 * option when it has one, so that the loop and the environment agree on the period; {@code --target K=V,...} sets the
 * plugin's {@code target-K} options (the robot's {@code target-velocity} and {@code target-heading}) and a bare
 * {@code --target V} its {@code target} option. Built by {@code trial} on the main thread; immutable.
 *
 * @param config the plugin overrides
 * @param rateHz the loop's rate
 */
record PluginSettings(Map<String, String> config, double rateHz) {

    static final String RATE = "rate";
    static final String TARGET = "target";

    /**
     * @param rate {@code --rate}, or null
     * @param target {@code --target}, or null
     * @throws IllegalArgumentException when {@code --rate} contradicts the plugin's configured rate, when
     *     {@code --target} sets an option {@code --env-config} sets too, or one the plugin does not have
     */
    static PluginSettings of(DiscoveredPlugin plugin, Map<String, String> overrides, Double rate, String target) {
        Map<String, String> config = new LinkedHashMap<>(overrides);
        Optional<ConfigOption> rateOption = option(plugin, RATE);
        double hz;
        if (rateOption.isPresent()) {
            String configured = config.get(RATE);
            if (rate != null && configured != null && parse(configured) != rate) {
                throw new IllegalArgumentException("--rate " + format(rate) + " contradicts --env-config " + RATE + "="
                        + configured + "; give one of them");
            }
            if (rate != null) {
                config.put(RATE, format(rate));
            }
            hz = rate != null ? rate : parse(configured != null ? configured : rateOption.get().defaultValue());
        } else {
            hz = rate != null ? rate : LoopSettings.DEFAULT_RATE_HZ;
        }
        if (target != null) {
            targetOptions(plugin, target).forEach((key, value) -> {
                if (config.containsKey(key)) {
                    throw new IllegalArgumentException("--target sets '" + key + "', which --env-config sets too; "
                            + "give one of them");
                }
                config.put(key, value);
            });
        }
        return new PluginSettings(Collections.unmodifiableMap(config), hz);
    }

    /**
     * {@code velocity=0.3,heading=15} becomes the options {@code target-velocity} and {@code target-heading}; a value
     * without {@code =} becomes the option {@code target}.
     */
    private static Map<String, String> targetOptions(DiscoveredPlugin plugin, String target) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!target.contains("=")) {
            if (option(plugin, TARGET).isEmpty()) {
                throw new IllegalArgumentException("plugin '" + plugin.name() + "' has no '" + TARGET + "' option; "
                        + "drop --target or give K=V for its target-K options");
            }
            out.put(TARGET, target);
            return out;
        }
        EnvConfig.parseAssignments(target).forEach((k, v) -> {
            String key = TARGET + "-" + k;
            if (option(plugin, key).isEmpty()) {
                throw new IllegalArgumentException("--target " + k + "=" + v + ": plugin '" + plugin.name()
                        + "' has no option '" + key + "'");
            }
            out.put(key, v);
        });
        return out;
    }

    private static Optional<ConfigOption> option(DiscoveredPlugin plugin, String key) {
        return plugin.plugin().options().stream().filter(o -> o.key().equals(key)).findFirst();
    }

    private static double parse(String hz) {
        try {
            return Double.parseDouble(hz);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate '" + hz + "' is not a number of Hz");
        }
    }

    private static String format(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    /** The overrides as {@code --env-config} writes them: {@code link=tcp://...,rate=20}. */
    String assignments() {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
