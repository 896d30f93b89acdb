/**
 * Shared test fixtures for environment plugins, published as the plugin API's test jar: a plain trial loop to run
 * baselines in tests and a contract check every environment must pass.
 */
package dev.metapilot.env.testing;
