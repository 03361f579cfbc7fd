package io.ipcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ipcbench.command.Advice;
import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.export.BencherMetricFormat;
import io.ipcbench.export.CellsCsv;
import io.ipcbench.export.GithubActionBenchmark;
import io.ipcbench.export.PercentileDistribution;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipcbench export}: a run folder in the formats other tools read. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes a run in a format other tools read:",
                "  bmf                      Bencher Metric Format, for 'bencher run --adapter json': a benchmark per "
                        + "cell key, measures latency-p50, latency-p99, latency-p99.9 (ns), throughput (B/s), "
                        + "cpu-per-message (µs), context-switches-per-message.",
                "  github-action-benchmark  the JSON array of benchmark-action/github-action-benchmark's custom tools; "
                        + "--direction smaller (tool: customSmallerIsBetter: latency, CPU, context switches) or "
                        + "bigger (tool: customBiggerIsBetter: throughput).",
                "  csv                      one row per cell and repetition, every figure in its own column (RFC 4180).",
                "  hgrm                     each latency cell's percentile distribution (µs), HdrHistogram's text, "
                        + "one <log name>.hgrm per cell into the folder --out names.",
                "A value over repetitions is their median; from 3 repetitions on, lower and upper values (BMF) and "
                        + "a range (github-action-benchmark) give the smallest and largest repetition. Failed cells "
                        + "are left out of bmf and github-action-benchmark."},
        footer = {"", "Exit codes: 0 written, 2 missing or damaged run, bad format or unwritable --out "
                + "(nothing is written then), 3 other error."})
public final class ExportCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("bmf", "github-action-benchmark", "csv", "hgrm");

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder or its run.json.")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "bmf, github-action-benchmark, csv or hgrm.")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write: a file (default: standard output); for hgrm a folder, required.")
    Path out;

    @Option(names = "--direction", paramLabel = "smaller|bigger", defaultValue = "smaller",
            description = "github-action-benchmark only: the figures where smaller is better, or those where bigger "
                    + "is (default: ${DEFAULT-VALUE}).")
    String direction;

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) {
            throw new UserError("export: unknown format '" + format + "' (" + String.join(", ", FORMATS) + ")");
        }
        if (!List.of("smaller", "bigger").contains(direction)) {
            throw new UserError("export: --direction takes smaller or bigger, not '" + direction + "'");
        }
        RunResult result;
        try {
            result = RunFolder.read(run);
        } catch (RunFolder.InvalidRunException e) {
            throw new UserError("export: " + e.getMessage());
        }
        if ("hgrm".equals(format)) {
            writeDistributions(result, RunFolder.folderOf(run));
            return ExitCode.OK;
        }
        String text = switch (format) {
            case "bmf" -> RunFolder.json().writeValueAsString(BencherMetricFormat.render(result));
            case "github-action-benchmark" -> githubActionBenchmark(result);
            default -> CellsCsv.render(result);
        };
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text.endsWith("\n") ? text : text + System.lineSeparator());
            stdout.flush();
        } else {
            write(out, text.endsWith("\n") ? text : text + "\n");
        }
        return ExitCode.OK;
    }

    private String githubActionBenchmark(RunResult result) throws IOException {
        boolean smaller = "smaller".equals(direction);
        var entries = GithubActionBenchmark.render(result, smaller);
        if (entries.isEmpty()) {
            // The action refuses an empty file; say why here instead.
            throw new UserError("export: the run has no successful cell with a figure where " + direction
                    + " is better" + (smaller ? "" : " (throughput: run with " + Advice.THROUGHPUT.options() + ")"));
        }
        return RunFolder.json().writeValueAsString(entries);
    }

    /** Every latency cell's distribution, each read before any is written: a damaged log writes nothing. */
    private void writeDistributions(RunResult result, Path folder) {
        if (out == null) {
            throw new UserError("export: hgrm writes one file per cell: give the folder with --out");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (CellResult cell : result.cells()) {
            if (cell.histogramLog() == null) {
                continue;
            }
            try {
                String name = cell.histogramLog().replaceFirst("\\" + RunFolder.LOG_SUFFIX + "$", "")
                        + PercentileDistribution.SUFFIX;
                files.put(name, PercentileDistribution.render(RunFolder.readIntervals(
                        folder.resolve(cell.histogramLog()))));
            } catch (RunFolder.InvalidRunException e) {
                throw new UserError("export: " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new UserError("export: the run has no latency cell with an interval log");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("export: cannot make the folder " + out + ": " + reason(e));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(out.resolve(file.getKey()), file.getValue());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("export: " + files.size() + " distributions in " + out);
        stdout.flush();
    }

    /** Writes through a temporary sibling and a rename, so a failure leaves no half-written file. */
    private static void write(Path file, String text) {
        try {
            RunFolder.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("export: cannot write " + file + ": " + reason(e));
        }
    }

    /** What the file system said, without the path of the temporary file it was about. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
