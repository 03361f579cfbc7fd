package io.ipcbench.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.ipcbench.cli.Main;
import io.ipcbench.command.ExitCode;
import io.ipcbench.plots.TestRuns.Cell;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.Spread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end: a run folder written the way the harness writes one (run.json through RunFolder,
 * interval logs through HistogramLogWriter), plotted through {@code ipcbench plot}.
 */
@Timeout(120)
class PlotCommandTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir Path temp;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result ipcbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Path smallRun(String name) throws IOException {
        return TestRuns.write(temp.resolve(name), name, List.of(
                Cell.latency("tcp", 64, 20_000, 3), Cell.latency("unix-stream", 64, 12_000, 3),
                Cell.latency("tcp", 1024, 22_000, 3), Cell.latency("unix-stream", 1024, 13_000, 3)), List.of());
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void plotIsASubcommandOfIpcbench() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("plot"));
    }

    @Test
    void writesAValidPngAndSvgPerChartAndASelfContainedReport() throws IOException {
        Path run = smallRun("run");

        Result result = ipcbench("plot", run.toString());

        assertEquals(0, result.exitCode(), result.err());
        Path plots = run.resolve(PlotCommand.PLOTS);
        List<Path> pngs = files(plots, ".png");
        List<Path> svgs = files(plots, ".svg");
        // Two spectra, the size sweep, the ratio and one timeline per cell.
        assertEquals(4 + 4, pngs.size(), pngs.toString());
        assertEquals(pngs.size(), svgs.size());
        for (Path png : pngs) {
            byte[] bytes = Files.readAllBytes(png);
            assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(bytes, 8), png + " is a PNG");
            assertTrue(bytes.length > 10_000, png + " has a chart in it, " + bytes.length + " bytes");
        }
        for (Path svg : svgs) {
            String text = Files.readString(svg, StandardCharsets.UTF_8);
            assertTrue(text.contains("<svg") && text.strip().endsWith("</svg>"), svg + " is an SVG");
            assertTrue(text.length() > 10_000, svg + " has a chart in it");
        }
        Path report = run.resolve(ReportPage.FILE_NAME);
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.strip().endsWith("</html>"));
        assertEquals(pngs.size(), html.split("data:image/png;base64,", -1).length - 1, "every chart embedded");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing is fetched from the network");
        assertTrue(html.contains("href=\"plots/spectrum-64B.svg\""));
        assertTrue(html.contains("href=\"tcp_64B_1c_latency.hlog\""));
        assertTrue(html.contains("href=\"run.json\""));
        assertTrue(result.out().contains("report: " + report));
        assertTrue(result.out().contains("not drawn: throughput"));
    }

    @Test
    void throughputAndTheSpreadOverConnectionsAreReadFromTheRunsRecords() throws IOException {
        Path folder = TestRuns.write(temp.resolve("records"), "records", List.of(Cell.throughput("tcp", 64, 30e6),
                Cell.latency("tcp", 64, 1, 20_000, 2),
                Cell.latency("tcp", 64, 8, 30_000, 2).spread(new Spread(150_000, 200_000, 900_000))), List.of());

        ChartSet charts = Charts.build(List.of(RunData.load(0, null, folder)));

        assertEquals(List.of(new Point(64, 30)), charts.chart(ThroughputCharts.BYTES_ID).series("tcp").points());
        assertEquals(new Point(8, 900), charts.chart("connections-p99-64B").series("tcp p99 worst connection")
                .points().get(1));
    }

    @Test
    void aRateCellsTwoTimingsAreReadApartFromItsLog() throws IOException {
        Path folder = TestRuns.write(temp.resolve("rate"), "rate", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.rate("tcp", 64, "50%", 10_000, 10_000, 90_000, 30_000)), List.of());

        RunData run = RunData.load(0, null, folder);
        CellData rate = run.cells().stream().filter(CellData::rateMode).findFirst().orElseThrow();

        assertEquals(List.of(), run.notes());
        assertEquals(2_000, rate.histogram().getTotalCount(), "the corrected intervals only");
        assertEquals(90_000, rate.histogram().getValueAtPercentile(50), 90);
        assertEquals(2_000, rate.rawHistogram().getTotalCount());
        assertEquals(30_000, rate.rawHistogram().getValueAtPercentile(50), 30);
        assertEquals(null, run.cells().get(0).rawHistogram(), "a latency cell has one timing");
        ChartSet charts = Charts.build(List.of(run));
        assertEquals(List.of(new Point(10_000, 180)), charts.chart("rate-p99-64B").series("tcp 1 conn").points()
                .stream().map(p -> new Point(p.x(), Math.round(p.y()))).toList());
        assertEquals(2, charts.chart("rate-raw-vs-corrected").series().size());
    }

    @Test
    void severalRunsAreOverlaidIntoTheOutFolderLabelledAsAsked() throws IOException {
        Path before = smallRun("before");
        Path after = smallRun("after");
        Path out = temp.resolve("compare");

        Result result = ipcbench("plot", "--out", out.toString(), "--label", "old", "--label", "new",
                before.toString(), after.resolve(RunFolder.RUN_JSON).toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(out.resolve("plots/spectrum-64B.png")));
        assertTrue(Files.exists(out.resolve("plots/timeline-tcp-64B-run2.svg")));
        String html = Files.readString(out.resolve(ReportPage.FILE_NAME));
        assertTrue(html.contains("old vs new"));
        assertTrue(html.contains("href=\"../before/run.json\""));
        assertFalse(Files.exists(before.resolve(PlotCommand.PLOTS)), "runs are only read");
    }

    @Test
    void plottingAgainRemovesChartsThatNoLongerApply() throws IOException {
        Path run = smallRun("run");
        Path stale = Files.createDirectories(run.resolve(PlotCommand.PLOTS)).resolve("connections-rate-64B.png");
        Files.write(stale, new byte[] {1});

        assertEquals(0, ipcbench("plot", "--no-svg", run.toString()).exitCode());

        assertFalse(Files.exists(stale));
        assertTrue(files(run.resolve(PlotCommand.PLOTS), ".svg").isEmpty());
    }

    @Test
    void aFolderWithoutARunIsAUsageErrorInOneLine() {
        Result result = ipcbench("plot", temp.resolve("nothing-here").toString());

        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().startsWith("ipcbench: no run found at"), result.err());
        assertEquals(1, result.err().strip().lines().count());
    }

    @Test
    void aDamagedRunJsonIsAUsageError() throws IOException {
        Path run = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(run.resolve(RunFolder.RUN_JSON), "{\"schema\": \"ipcbench.run/1\", \"cells\": [");

        Result result = ipcbench("plot", run.toString());

        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("not valid JSON"), result.err());
    }

    @Test
    void labelsMustMatchTheRuns() throws IOException {
        Path run = smallRun("run");

        Result result = ipcbench("plot", "--label", "a", "--label", "b", run.toString());

        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("one --label per run folder"), result.err());
    }

    @Test
    void aMissingLogIsReportedAndItsCellDrawnFromTheSummary() throws IOException {
        Path run = smallRun("run");
        Files.delete(run.resolve("tcp_64B_1c_latency.hlog"));

        Result result = ipcbench("plot", run.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("tcp_64B_1c_latency.hlog is missing"), result.err());
        assertTrue(Files.readString(run.resolve(ReportPage.FILE_NAME)).contains("is missing"));
    }

    @Test
    void claimsRepetitionsAndTheCanaryAppearInTheReport() throws IOException {
        List<ClaimVerdict> claims = List.of(TestRuns.claim("uds-latency", ClaimVerdict.HOLDS,
                List.of(TestRuns.comparison("p50", "unix-stream", 0.6, 0.5, 0.7, ClaimVerdict.HOLDS, true)), null));
        Path run = TestRuns.write(temp.resolve("claims"), "claims", List.of(
                Cell.latency("tcp", 64, 20_000, 2).canary(10_000, 10_500),
                Cell.latency("unix-stream", 64, 12_000, 2).canary(10_200, 10_100),
                Cell.latency("unix-stream", 64, 12_500, 2).repetition(1).canary(10_300, 10_000),
                Cell.latency("tcp", 64, 21_000, 2).repetition(1).canary(10_100, 10_200)), claims);

        assertEquals(0, ipcbench("plot", run.toString()).exitCode());

        String html = Files.readString(run.resolve(ReportPage.FILE_NAME));
        assertTrue(html.contains("id=\"claims\""));
        assertTrue(html.contains("<span class=\"verdict holds\">holds</span>"));
        assertTrue(html.contains("<li>unix-stream / tcp p50 = 0.6</li>"), "figures as a list, one a line");
        assertEquals(1, html.split("<svg class=\"forest\"", -1).length - 1);
        assertEquals(1, html.split("<svg class=\"strip\"", -1).length - 1);
        assertTrue(Files.exists(run.resolve("plots/" + CanaryChart.ID + ".png")));
        assertTrue(html.contains("href=\"plots/" + CanaryChart.ID + ".svg\""));
        assertTrue(html.contains("href=\"tcp_64B_1c_latency_r1.hlog\""), "each repetition's log is linked");
    }
}
