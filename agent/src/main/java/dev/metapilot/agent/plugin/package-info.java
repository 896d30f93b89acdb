/**
 * Finding environment plugins with {@link java.util.ServiceLoader}, on the class path and in a directory of jars (one
 * class loader per jar), and the validated registry of the plugins found.
 */
package dev.metapilot.agent.plugin;
