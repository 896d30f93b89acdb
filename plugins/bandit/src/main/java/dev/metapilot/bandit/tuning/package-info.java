/**
 * Tuning of baseline parameters (ε, the UCB1 constant) by grid search over whole trials on TRAIN tasks, following the
 * RL² paper's protocol of picking the best value of a grid from 1000 trials.
 */
package dev.metapilot.bandit.tuning;
