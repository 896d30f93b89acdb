package dev.metapilot.robot;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;

/**
 * The {@code robot} plugin: the real differential-drive robot, through Pi4J on this computer's pins or a motor MCU over
 * the firmware bridge, with the {@code locomotion} plugin's observation, action and reward so that its policies run
 * unchanged; the target comes from the options, the dynamics are the robot's own.
 *
 * <p>
 * Discovered by the agent through {@link java.util.ServiceLoader}; {@link #configure} runs once per run on the main
 * thread and touches no hardware and no file.
 */
public final class RobotPlugin implements EnvironmentPlugin {

    @Override
    public String name() {
        return "robot";
    }

    @Override
    public String description() {
        return "the real differential-drive robot (Pi4J GPIO/PWM/I2C or a motor MCU over the firmware bridge), "
                + "locomotion's observation, action and reward, configured target";
    }

    @Override
    public List<ConfigOption> options() {
        return RobotConfig.OPTIONS;
    }

    /**
     * @throws IllegalArgumentException for a value out of range, naming the option
     */
    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        return new RobotFactory(RobotConfig.from(config));
    }
}
