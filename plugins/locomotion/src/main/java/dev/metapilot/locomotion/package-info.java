/**
 * The {@code locomotion} environment plugin: a simulated differential-drive robot with hidden dynamics (payload, motor
 * asymmetry, dead-band, lag, latency, rolling resistance, slope, sensor biases) and a hidden target (forward speed and
 * heading), PEARL's cheetah-vel and ant-dir task families on wheels.
 *
 * <p>
 * {@link dev.metapilot.locomotion.LocomotionPlugin} is the service; the physics is in
 * {@link dev.metapilot.locomotion.physics}, the observation and reward shared with the real robot in
 * {@link dev.metapilot.locomotion.tracking}, and the strict JSON reader of task files in
 * {@link dev.metapilot.locomotion.json}.
 */
package dev.metapilot.locomotion;
