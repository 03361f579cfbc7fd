package io.ipcbench.plots;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipcbench plot}: charts and the report page, drawn from one or more run folders. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Draws charts (PNG and SVG) and one self-contained report.html from run folders.",
                "Given several run folders (before/after, two boxes, two kernels) it draws them over each other, "
                        + "labelled by run. Output goes into the first run folder unless --out says otherwise: "
                        + "plots/*.png, plots/*.svg and report.html."},
        footer = {"", "Charts for data a run did not collect (throughput, connection counts) are left out.",
                "Needs fonts: on Debian or Ubuntu, apt-get install " + Fonts.PACKAGES + ".",
                "Exit codes: 0 ok, 2 bad command line or unreadable run, 3 other error."})
public final class PlotCommand implements Callable<Integer> {
    /** The folder under the output folder that holds the chart files; rewritten on every plot. */
    public static final String PLOTS = "plots";

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders (or their run.json files).")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write plots/ and report.html (default: the first run folder).")
    Path out;

    @Option(names = "--label", paramLabel = "NAME",
            description = "What to call each run in legends, once per run folder in order (default: the run's id).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--no-svg", description = "Write PNG only.")
    boolean noSvg;

    @Override
    public Integer call() throws IOException {
        Fonts.headless();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        List<RunData> loaded = load();
        // Before anything is written: without fonts no chart can be drawn.
        Fonts.check();
        Path folder = out != null ? out : loaded.get(0).folder();
        Path plots = prepare(folder);

        ChartSet charts = Charts.build(loaded);
        List<ChartRenderer.Rendered> rendered = new ArrayList<>();
        for (ChartSpec chart : charts.charts()) {
            rendered.add(ChartRenderer.write(chart, plots, !noSvg));
        }
        Path page = ReportPage.write(loaded, charts, rendered, folder,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());

        for (RunData run : loaded) {
            for (String note : run.notes()) {
                err.println("ipcbench plot: " + run.label() + ": " + note);
            }
        }
        outWriter.println("charts: " + rendered.size() + " in " + plots);
        for (ChartSet.Omitted omitted : charts.omitted()) {
            outWriter.println("  not drawn: " + omitted.kind().heading().toLowerCase(java.util.Locale.ROOT) + ": "
                    + omitted.reason());
        }
        outWriter.println("report: " + page);
        outWriter.flush();
        return ExitCode.OK;
    }

    private List<RunData> load() {
        if (!labels.isEmpty() && labels.size() != runs.size()) {
            throw new UserError("give one --label per run folder: " + labels.size() + " labels for "
                    + runs.size() + " runs");
        }
        List<RunData> loaded = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            String label = labels.isEmpty() ? null : labels.get(i);
            try {
                RunData run = RunData.load(i, label, runs.get(i));
                if (!used.add(run.label())) {
                    // The same run twice, or two runs with one id: legends must still tell them apart.
                    run = new RunData(i, run.label() + " (" + (i + 1) + ")", run.folder(), run.run(),
                            run.cells(), run.notes());
                    used.add(run.label());
                }
                loaded.add(run);
            } catch (RunFolder.InvalidRunException e) {
                throw new UserError(e.getMessage());
            }
        }
        return loaded;
    }

    /** Creates the output folders and clears chart files a previous plot left, so none is stale. */
    private static Path prepare(Path folder) {
        Path plots = folder.resolve(PLOTS);
        try {
            Files.createDirectories(plots);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(plots, "*.{png,svg}")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot write charts to " + plots + ": " + e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw new UserError("cannot write the report to " + folder + ": not writable");
        }
        return plots;
    }
}
