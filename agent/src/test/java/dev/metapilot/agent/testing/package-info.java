/** Test fixtures of the agent's tests: plugin jars built at test time and a plugin on the test class path. */
package dev.metapilot.agent.testing;
