/**
 * The {@code tabular-mdp} environment plugin (random tabular MDPs, RL² Table 2 protocol) with its baselines: random,
 * the oracle (value iteration on the true MDP), posterior sampling (PSRL), and certainty-equivalent greedy and
 * ε-greedy.
 */
package dev.metapilot.bandit.mdp;
