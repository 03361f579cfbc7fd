package io.ipcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.config.Percent;
import io.ipcbench.gate.Gate;
import io.ipcbench.gate.GateMarkdown;
import io.ipcbench.gate.GateReport;
import io.ipcbench.gate.GateSettings;
import io.ipcbench.gate.GateTable;
import io.ipcbench.gate.Percentile;
import io.ipcbench.gate.GateOutcome;
import io.ipcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipcbench gate}: fails a CI job when a candidate run's tail latency regressed beyond what
 * earlier runs of the same box show from run to run.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Judges a candidate run against baseline runs, cell by cell (transport/engine/size/connections/mode), "
                        + "and says whether tail latency regressed.",
                "Each repetition of a cell (a fresh peer process) gives one value, the metric of all its round trips; "
                        + "a run's value is the geometric mean of its repetitions'. With 3 or more baseline runs a "
                        + "cell regressed when the candidate lies more than --threshold above their centre, beyond "
                        + "their run-to-run spread (a t prediction on logs); with 1 or 2, its repetitions are compared "
                        + "with theirs (Welch's t), blind to a drift of the whole box. One-sided at --alpha, with "
                        + "Holm's correction over the cells; a verdict needs --min-repetitions a side.",
                "Each repetition is judged net of the box canary measured around it, which moves when the box does "
                        + "and not when a transport does: a change seen as measured but not net of the canary is "
                        + "'box changed', and passes.",
                "Keep the last nightly run folders in one folder and pass it with --history."},
        footer = {"", "Exit codes: 0 no regression, 1 regression, 2 could not decide (missing or damaged run, "
                + "no common cells, different environments, too few repetitions, bad command line), 3 other error."})
public final class GateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--candidate", required = true, paramLabel = "RUN",
            description = "The run to judge: a run folder or its run.json.")
    Path candidate;

    @Option(names = "--baseline", paramLabel = "RUN",
            description = "A reference run: a run folder or its run.json. Repeat it for several.")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--history", paramLabel = "DIR",
            description = "A folder of earlier run folders of this box, e.g. the last nightly runs; "
                    + "the newest --history-size of them are baseline runs.")
    Path history;

    @Option(names = "--history-size", paramLabel = "N", defaultValue = "" + GateSettings.DEFAULT_HISTORY_SIZE,
            description = "How many of the history's newest runs to use (default: ${DEFAULT-VALUE}).")
    int historySize;

    @Option(names = "--metric", paramLabel = "PERCENTILE", defaultValue = "p99",
            description = "Latency percentile of each repetition: p50, p90, p99, p99.9 (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "10%",
            description = "Smallest slowdown that counts as a regression (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "" + GateSettings.DEFAULT_ALPHA,
            description = "Significance level of the one-sided tests, after Holm's correction "
                    + "(default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-repetitions", paramLabel = "N", defaultValue = "" + GateSettings.DEFAULT_MIN_REPETITIONS,
            description = "Fewest repetitions the candidate and each baseline run need for a verdict "
                    + "(default: ${DEFAULT-VALUE}).")
    int minRepetitions;

    @Option(names = "--allow-different-env",
            description = "Compare baseline runs from other environments (CPU, kernel, CPU count, engine, placement) "
                    + "instead of leaving them out.")
    boolean allowDifferentEnv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON (ipcbench.gate/2).")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the report as Markdown, e.g. for a CI job summary.")
    Path markdown;

    /** The settings this command line describes; throws {@link UserError} when one is wrong. */
    GateSettings settings() {
        if (baselines.isEmpty() && history == null) {
            throw new UserError("gate: give the baseline: " + Gate.BASELINE.options() + " (repeatable) or "
                    + Gate.HISTORY.options());
        }
        try {
            return GateSettings.defaults()
                    .withMetric(Percentile.parse(metric))
                    .withThreshold(parseThreshold(threshold))
                    .withAlpha(alpha)
                    .withMinRepetitions(minRepetitions)
                    .withHistorySize(historySize)
                    .withAllowDifferentEnv(allowDifferentEnv);
        } catch (IllegalArgumentException e) {
            throw new UserError("gate: " + e.getMessage());
        }
    }

    /** "10%", "10" and "2.5%" are all percentages; the result is a fraction (0.10). */
    public static double parseThreshold(String text) {
        String trimmed = text.trim();
        double percent = Percent.parse(trimmed.endsWith("%") ? trimmed : trimmed + "%");
        if (Double.isNaN(percent)) {
            throw new IllegalArgumentException("--threshold '" + text + "' is not a percentage (try 10%)");
        }
        return percent / 100.0;
    }

    @Override
    public Integer call() {
        GateSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GateReport report = new Gate(settings).evaluate(baselines, history, candidate);

        out.print(GateTable.render(report));
        out.println();
        out.flush();
        try {
            if (json != null) {
                write(json, RunFolder.json().writeValueAsBytes(report));
            }
            if (markdown != null) {
                write(markdown, GateMarkdown.render(report).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            err.println("ipcbench gate: cannot write the report: " + e.getMessage());
            return ExitCode.ERROR;
        }
        if (report.outcome() == GateOutcome.UNDECIDED) {
            err.println("ipcbench gate: could not decide: " + report.reason());
            err.flush();
        } else {
            out.println(String.format(Locale.ROOT, "gate: %s: %s",
                    report.outcome() == GateOutcome.REGRESSION ? "REGRESSION" : "ok", report.reason()));
            out.flush();
        }
        return report.exitCode();
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        RunFolder.writeAtomically(file.toAbsolutePath(), content);
    }
}
