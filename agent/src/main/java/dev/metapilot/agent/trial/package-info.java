/**
 * Running trials: one task, K episodes, the policy's memory carried across the episodes (RL² semantics), and the
 * per-episode records and statistics that come out.
 */
package dev.metapilot.agent.trial;
