package dev.metapilot.agent.runtime;

/**
 * A runtime service with an explicit life: opened by {@link Agent#start} after the injector is built (never in a
 * constructor or a Guice module) and closed by {@link Agent#close()} in reverse order, on every exit path.
 *
 * <p>
 * Registered through {@code Multibinder<ManagedService>}; called on the main thread.
 */
public interface ManagedService extends AutoCloseable {

    /** Short name for logs. */
    String name();

    /** Opens what the service needs (files, hardware, threads). */
    void start() throws Exception;

    /** Releases what {@link #start()} opened; must not throw for a service that never started. */
    @Override
    void close() throws Exception;
}
