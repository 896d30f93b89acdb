/**
 * The Metapilot agent: the on-robot runtime that discovers environment plugins, wires the services with Guice and runs
 * policies on them. Sub-packages: {@code plugin} (discovery and registry), {@code runtime} (Guice modules and service
 * lifecycle), {@code cli} (the {@code metapilot} launcher's commands).
 */
package dev.metapilot.agent;
