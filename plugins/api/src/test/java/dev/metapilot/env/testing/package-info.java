/**
 * Shared test fixtures, published as the plugin API's test jar for every module's tests: a plain trial loop to run
 * baselines in tests and a contract check every environment must pass (plugins); damaged task files and the check that
 * a task file error names a place inside the file (the plugins' task file fuzz tests); a child JVM for the crash tests
 * that kill a process with SIGKILL (agent, trainer); and {@link dev.metapilot.env.testing.FuzzCount}, the one
 * convention by which every fuzz target takes its count from a system property.
 */
package dev.metapilot.env.testing;
