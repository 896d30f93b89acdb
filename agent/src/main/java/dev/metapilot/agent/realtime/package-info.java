/**
 * The real-time side of the agent, for environments that move real actuators
 * ({@link dev.metapilot.env.ActuatedEnvironment}): a {@link dev.metapilot.agent.realtime.FixedRateLoop} with absolute
 * deadlines and deadline-miss and period-error accounting, a {@link dev.metapilot.agent.realtime.Watchdog} that stops
 * on hardware faults and missed deadlines, and the {@link dev.metapilot.agent.realtime.RealtimeTrialRunner} that runs
 * RL² trials in that loop and safe-stops the hardware on every exit path.
 */
package dev.metapilot.agent.realtime;
