/**
 * The robot's drive on this computer's own pins through Pi4J: PWM plus direction pins to an H-bridge per wheel,
 * quadrature encoders decoded from GPIO edges, an MPU-6050 IMU over I2C, an e-stop input that zeroes the motors from
 * its own listener, and an optional operator button. The wiring and geometry come from a JSON pins file
 * ({@link dev.metapilot.robot.pi4j.PinsFile}).
 *
 * <p>
 * Tests drive it through Pi4J's mock platform; on the robot Pi4J's gpiod (GPIO) and linuxfs (PWM, I2C) providers are
 * found at run time.
 */
package dev.metapilot.robot.pi4j;
