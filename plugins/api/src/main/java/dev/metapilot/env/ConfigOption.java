package dev.metapilot.env;

import java.util.Objects;

/**
 * One setting a plugin accepts ({@code --env-config key=value}), with its default and a one-line description.
 *
 * @param key option name, for example {@code arms}
 * @param defaultValue the value used when the user gives none
 * @param description one line for {@code ./metapilot plugins} and error messages
 */
public record ConfigOption(String key, String defaultValue, String description) {

    public ConfigOption {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(defaultValue, "defaultValue is null");
        Objects.requireNonNull(description, "description is null");
        if (!key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option key must be lower-case kebab-case, got '" + key + "'");
        }
    }
}
