package dev.metapilot.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plugin's settings with every default filled in, checked against the plugin's {@link ConfigOption}s.
 *
 * <p>
 * Built by the agent or trainer from {@code --env-config key=value,...} before it calls
 * {@link EnvironmentPlugin#configure}; immutable. Typed getters fail with the key and the offending value.
 */
public final class EnvConfig {

    private final String plugin;
    private final Map<String, String> values;

    private EnvConfig(String plugin, Map<String, String> values) {
        this.plugin = plugin;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Fills {@code overrides} up with the defaults of {@code options}.
     *
     * @param plugin plugin name, for error messages
     * @throws IllegalArgumentException for a key that is not an option, naming the valid keys
     */
    public static EnvConfig resolve(String plugin, List<ConfigOption> options, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigOption o : options) {
            values.put(o.key(), o.defaultValue());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                String valid = options.isEmpty()
                        ? "(none)"
                        : options.stream().map(ConfigOption::key).collect(Collectors.joining(", "));
                throw new IllegalArgumentException(
                        "plugin '" + plugin + "' has no option '" + e.getKey() + "'; valid: " + valid);
            }
            values.put(e.getKey(), e.getValue());
        }
        return new EnvConfig(plugin, values);
    }

    /**
     * Parses {@code key=value,key=value} (blank for none) into an ordered map.
     *
     * @throws IllegalArgumentException for an item without {@code =} or a repeated key
     */
    public static Map<String, String> parseAssignments(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String item : text.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + item.strip() + "' in '" + text + "'");
            }
            String key = item.substring(0, eq).strip();
            if (out.put(key, item.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("option '" + key + "' is given twice in '" + text + "'");
            }
        }
        return out;
    }

    /** The plugin these settings belong to. */
    public String plugin() {
        return plugin;
    }

    /** Every key with its value, defaults included, in the plugin's option order. */
    public Map<String, String> values() {
        return values;
    }

    public String getString(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("plugin '" + plugin + "' has no option '" + key + "'");
        }
        return v;
    }

    public int getInt(String key) {
        String v = getString(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    public long getLong(String key) {
        String v = getString(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    public double getDouble(String key) {
        String v = getString(key);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw invalid(key, v, "a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a number");
        }
    }

    public boolean getBoolean(String key) {
        String v = getString(key);
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw invalid(key, v, "true or false");
        };
    }

    /**
     * Fails with the plugin, key and value named; for plugin-specific checks such as ranges.
     *
     * @param expected what the value must be, for example {@code "an integer in 2..50"}
     */
    public IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(
                "plugin '" + plugin + "' option '" + key + "' must be " + expected + ", got '" + value + "'");
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
