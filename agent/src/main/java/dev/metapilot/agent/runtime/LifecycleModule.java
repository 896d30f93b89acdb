package dev.metapilot.agent.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * Declares the {@code Multibinder<ManagedService>} that other modules add their services to, so that an agent with no
 * services still has an (empty) set to start.
 */
public final class LifecycleModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ManagedService.class);
    }
}
