package io.ipcbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.ipcbench.command.ExitCode;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.BoxRows;
import io.ipcbench.results.BoxWarnings;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Placement;
import io.ipcbench.runner.EnvironmentProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipcbench doctor}: the box as a run would find it, and what to change, without measuring anything. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Describes the box as a run would record it (frequency governors, idle states, how the two CPUs share "
                        + "a core and caches, hypervisor, clock source, mitigations, kernel parameters, TCP settings) "
                        + "and prints the warnings a run would print, with what to do about each. Measures nothing."},
        footer = {"", "Exit codes: 0 checked (warnings or not), 2 bad command line."})
public final class DoctorCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--pin", paramLabel = "CLIENT,PEER",
            description = "The CPUs a run would pin its two sides to (default: the first two this process may use, "
                    + "as run-bench.sh does).")
    String pin;

    @Override
    public Integer call() {
        Placement placement = pin != null ? RunCommand.parsePin(pin) : defaultPlacement();
        Environment environment = EnvironmentProbe.capture(placement, ProcessPeerLauncher.DEFAULT_JVM_OPTIONS);
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(environment, placement));
        out.flush();
        return ExitCode.OK;
    }

    /** The first two CPUs this process may run on, or the one twice on a one-CPU box. */
    static Placement defaultPlacement() {
        BitSet allowed = CpuAffinity.allowedCpus();
        int first = allowed.nextSetBit(0);
        int second = allowed.nextSetBit(first + 1);
        return new Placement(first, second >= 0 ? second : first);
    }

    /** The report: the box, one fact a line, then the warnings. */
    static String render(Environment environment, Placement placement) {
        List<BoxRows.Row> rows = new ArrayList<>();
        rows.add(new BoxRows.Row("host", environment.hostname()));
        rows.add(new BoxRows.Row("kernel", environment.kernel()));
        rows.add(new BoxRows.Row("CPU", environment.cpuModel() + ", " + environment.logicalCpus() + " logical CPUs"));
        rows.add(new BoxRows.Row("clock source", String.valueOf(environment.clockSource())));
        rows.add(new BoxRows.Row("JVM", environment.jvmVendor() + " " + environment.jvmVersion()));
        rows.addAll(BoxRows.of(environment));
        int width = rows.stream().mapToInt(row -> row.label().length()).max().orElse(0);
        StringBuilder text = new StringBuilder("ipcbench doctor: the box as a run pinned to " + placement
                + " would find it").append(System.lineSeparator());
        for (BoxRows.Row row : rows) {
            text.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", row.label(), row.value()));
        }
        List<String> warnings = BoxWarnings.ofBox(environment);
        text.append(System.lineSeparator());
        if (warnings.isEmpty()) {
            text.append("no warnings: nothing here should disturb a run").append(System.lineSeparator());
        }
        for (String warning : warnings) {
            text.append("warning: ").append(warning).append(System.lineSeparator());
        }
        return text.toString();
    }
}
