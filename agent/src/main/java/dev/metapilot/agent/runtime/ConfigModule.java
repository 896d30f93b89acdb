package dev.metapilot.agent.runtime;

import com.google.inject.AbstractModule;
import java.util.Objects;

/** Binds the process's {@link AgentConfig}; side-effect free. */
public final class ConfigModule extends AbstractModule {

    private final AgentConfig config;

    public ConfigModule(AgentConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(AgentConfig.class).toInstance(config);
    }
}
