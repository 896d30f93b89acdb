package dev.metapilot.agent.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the agent's version from its jar manifest ({@code --version}). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = MetapilotCommand.class.getPackage().getImplementationVersion();
        return new String[]{"metapilot " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"};
    }
}
