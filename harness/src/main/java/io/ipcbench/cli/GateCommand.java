package io.ipcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipcbench.gate.Gate;
import io.ipcbench.gate.GateMarkdown;
import io.ipcbench.gate.GateReport;
import io.ipcbench.gate.GateSettings;
import io.ipcbench.gate.GateTable;
import io.ipcbench.gate.Metric;
import io.ipcbench.gate.Outcome;
import io.ipcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipcbench gate}: fails a CI job when a candidate run's tail latency regressed against a baseline run. */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Compares a candidate run with a baseline run, cell by cell (transport/engine/size/connections/mode), "
                        + "and says whether tail latency regressed.",
                "Samples are the metric computed on every interval of a cell's interval log, pooled over repetitions. "
                        + "A cell regressed only when the change is significant (a one-sided Mann-Whitney U test at "
                        + "--alpha, and a bootstrap interval of the ratio of medians that excludes no change) and "
                        + "larger than --threshold. Give each cell at least --min-samples intervals (e.g. run with "
                        + "--interval 100ms)."},
        footer = {"", "Exit codes: 0 no regression, 1 regression, 2 could not decide (missing or damaged run, "
                + "no common cells, different environments, too few samples, bad command line), 3 other error."})
public final class GateCommand implements Callable<Integer> {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");

    @Spec CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "RUN",
            description = "The reference run: a run folder or its run.json.")
    Path baseline;

    @Option(names = "--candidate", required = true, paramLabel = "RUN",
            description = "The run to judge: a run folder or its run.json.")
    Path candidate;

    @Option(names = "--metric", paramLabel = "PERCENTILE", defaultValue = "p99",
            description = "Latency percentile computed on each interval: p50, p90, p99, p99.9 (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "10%",
            description = "Smallest slowdown that counts as a regression (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
            description = "Significance level of the one-sided tests (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "5",
            description = "Fewest usable intervals a cell needs on each side for a verdict (default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the bootstrap; the same runs and seed always give the same report "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--allow-different-env",
            description = "Compare runs from different environments (CPU, kernel, CPU count, engine, placement) "
                    + "instead of refusing.")
    boolean allowDifferentEnv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON (ipcbench.gate/1).")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the report as Markdown, e.g. for a CI job summary.")
    Path markdown;

    /** The settings this command line describes; throws {@link Main.UserError} when one is wrong. */
    GateSettings settings() {
        try {
            return GateSettings.defaults()
                    .withMetric(Metric.parse(metric))
                    .withThreshold(parseThreshold(threshold))
                    .withAlpha(alpha)
                    .withMinSamples(minSamples)
                    .withSeed(seed)
                    .withAllowDifferentEnv(allowDifferentEnv);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("gate: " + e.getMessage());
        }
    }

    /** "10%", "10" and "2.5%" are all percentages; the result is a fraction (0.10). */
    public static double parseThreshold(String text) {
        Matcher m = PERCENT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--threshold '" + text + "' is not a percentage (try 10%)");
        }
        return Double.parseDouble(m.group(1)) / 100.0;
    }

    @Override
    public Integer call() {
        GateSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GateReport report = new Gate(settings).evaluate(baseline, candidate);

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
            return Main.EXIT_ERROR;
        }
        if (report.outcome() == Outcome.UNDECIDED) {
            err.println("ipcbench gate: could not decide: " + report.reason());
            err.flush();
        } else {
            out.println(String.format(Locale.ROOT, "gate: %s: %s",
                    report.outcome() == Outcome.REGRESSION ? "REGRESSION" : "ok", report.reason()));
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
