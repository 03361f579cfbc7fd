package io.ipcbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.ipcbench.command.ExitCode;
import io.ipcbench.transport.TransportKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipcbench transports}: the transports there are, and what each is. */
@Command(name = "transports", mixinStandardHelpOptions = true,
        description = "Lists the transports ipcbench measures, with what each is: framing, connections, delivery, "
                + "the largest message and the engines that implement it.")
public final class TransportsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--names", description = "Only the names, comma-separated (for scripts).")
    boolean namesOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (namesOnly) {
            out.println(String.join(",", TransportKind.labelList()));
        } else {
            for (TransportKind kind : TransportKind.values()) {
                out.printf(Locale.ROOT, "%-16s %s%n", kind.label(), kind.describe());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
