/**
 * The {@code bandit} environment plugin (Bernoulli bandits, RL² Table 1 protocol) with its baselines: random, greedy,
 * ε-greedy, UCB1, Thompson sampling and the exact Bayes-optimal policy; also the RL² paper's published figures
 * ({@link dev.metapilot.bandit.PublishedResults}) for both this plugin and {@code tabular-mdp}.
 */
package dev.metapilot.bandit;
