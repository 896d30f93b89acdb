package dev.metapilot.sim.train;

/**
 * What one PPO update measured, averaged over its minibatches: the loss terms, the policy entropy, the approximate KL
 * divergence from the rollout's policy, the fraction of clipped ratios, the gradient norm before clipping and the
 * auxiliary losses (task inference, expert imitation; 0 when off). Made by the {@link PpoUpdater} on the trainer's main
 * thread; written to the metrics file.
 */
record UpdateStats(double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction,
        double gradNorm, double taskInferenceLoss, double expertLoss) {}
