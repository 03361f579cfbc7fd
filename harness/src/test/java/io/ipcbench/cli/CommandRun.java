package io.ipcbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code ipcbench} command line inside the test JVM, with what it printed.
 *
 * @param exitCode what {@code main} would exit with
 */
public record CommandRun(int exitCode, String out, String err) {
    /** Runs {@code ipcbench ARGS...} and captures its standard output and error. */
    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
