/** What stands between a policy and the actuators: the {@link dev.metapilot.agent.safety.ActionGuard}. */
package dev.metapilot.agent.safety;
