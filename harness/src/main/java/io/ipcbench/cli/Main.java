package io.ipcbench.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;

import io.ipcbench.command.ExitCode;
import io.ipcbench.command.SubcommandProvider;
import io.ipcbench.command.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipcbench} command. A thin shell: parsing, messages and exit codes; the work is done
 * by the runner and the views. Only {@link #main} calls {@code System.exit}.
 */
@Command(name = "ipcbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measures how fast processes on this box talk to each other.",
        subcommands = {RunCommand.class, GateCommand.class, ClaimsCommand.class, DoctorCommand.class, ExportCommand.class,
                TransportsCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; for tests and for {@link #main}. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
            commandLine.addSubcommand(provider.name(), provider.command());
        }
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("ipcbench: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof UserError) {
                err.println("ipcbench: " + e.getMessage());
                return ExitCode.USAGE;
            }
            err.println("ipcbench: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("IPCBENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCode.ERROR;
        });
        return commandLine;
    }


    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ipcbench " + io.ipcbench.runner.EnvironmentProbe.version()};
        }
    }
}
