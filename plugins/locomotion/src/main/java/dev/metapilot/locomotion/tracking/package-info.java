/**
 * What a differential-drive robot's sensors and a target make of a control step, shared by the simulation and the real
 * robot: the observation a policy sees and the reward it is scored with.
 *
 * <p>
 * {@link dev.metapilot.locomotion.tracking.SensorReadings} is the inputs object a drive fills once per control period
 * (the simulated sensors of this plugin, or the encoders and IMU of the robot plugin);
 * {@link dev.metapilot.locomotion.tracking.TrackingEpisode} turns it into the observation
 * ({@link dev.metapilot.locomotion.tracking.DriveObservation}) and the reward
 * ({@link dev.metapilot.locomotion.tracking.TrackingReward}) for a
 * {@link dev.metapilot.locomotion.tracking.DriveTarget}, with {@link dev.metapilot.locomotion.tracking.DriveCommand}
 * the action space and {@link dev.metapilot.locomotion.tracking.TrackingTask} any task that carries a target. Nothing
 * here knows whether the robot is simulated, so a policy trained in simulation sees the same numbers on hardware.
 */
package dev.metapilot.locomotion.tracking;
