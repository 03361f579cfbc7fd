package io.ipcbench.plots;

import io.ipcbench.command.SubcommandProvider;

/** Registers {@code ipcbench plot} with the command line (listed in META-INF/services). */
public final class PlotSubcommand implements SubcommandProvider {
    @Override
    public String name() {
        return "plot";
    }

    @Override
    public Object command() {
        return new PlotCommand();
    }
}
