/**
 * The {@code robot} environment plugin: the real differential-drive robot, with the {@code locomotion} plugin's
 * observation, action space and reward ({@link dev.metapilot.locomotion.tracking}) so a policy trained in simulation
 * runs on it unchanged.
 *
 * <p>
 * {@link dev.metapilot.robot.RobotPlugin} is the service and {@link dev.metapilot.robot.RobotEnvironment} the
 * {@link dev.metapilot.env.ActuatedEnvironment} the real-time loop steps; the hardware sits behind
 * {@link dev.metapilot.robot.io.DriveIO}, implemented on Pi4J ({@link dev.metapilot.robot.pi4j}) and on the firmware
 * bridge ({@link dev.metapilot.robot.bridge}).
 */
package dev.metapilot.robot;
