/**
 * Random numbers for the bandit and tabular-MDP plugins: a re-seedable SplitMix64 stream for the allocation-free hot
 * path, Gamma/Beta/Dirichlet variates for the Bayesian baselines, and the TRAIN/TEST split of task seeds.
 */
package dev.metapilot.bandit.random;
