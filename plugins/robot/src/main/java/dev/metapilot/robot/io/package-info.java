/**
 * The robot's hardware behind one interface with an inputs object (AdvantageKit's {@code DriveIO} /
 * {@code DriveIOInputs} pattern): {@link dev.metapilot.robot.io.DriveIO} reads every input into
 * {@link dev.metapilot.robot.io.DriveInputs} first, then the environment decides, then it writes the motor command, so
 * the same environment runs on Pi4J, the firmware bridge and the test fakes.
 *
 * <p>
 * {@link dev.metapilot.robot.io.WheelOdometry} turns encoder counts and their time stamps into wheel speeds for every
 * implementation alike; {@link dev.metapilot.robot.io.Ticker} is the clock they read, replaceable in tests;
 * {@link dev.metapilot.robot.io.HardwareFaultException} is how opening or waiting for the hardware fails.
 */
package dev.metapilot.robot.io;
