/**
 * A hand-written rigid-body model of a differential-drive robot with DC motors: the fixed
 * {@link dev.metapilot.locomotion.physics.RobotBody}, the hidden {@link dev.metapilot.locomotion.physics.DriveDynamics}
 * of a task, the integrator ({@link dev.metapilot.locomotion.physics.DifferentialDrive}) and the sensors a real robot
 * has ({@link dev.metapilot.locomotion.physics.RobotSensors}).
 *
 * <p>
 * Used by the locomotion environment and, through the same classes, by the firmware emulator that plays a robot over
 * the bridge protocol. Stepping allocates nothing.
 */
package dev.metapilot.locomotion.physics;
