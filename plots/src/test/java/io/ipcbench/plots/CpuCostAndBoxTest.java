package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipcbench.plots.TestRuns.Cell;
import io.ipcbench.results.Box;
import io.ipcbench.results.CellLoad;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.CpuCost;
import io.ipcbench.results.Environment;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.RunSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPU chart's data and bars, and the report's CPU table, box table and warnings, from runs built in memory. */
@Timeout(30)
class CpuCostAndBoxTest {
    @BeforeAll
    static void headless() {
        Fonts.headless();
    }

    /** The cell as repetition {@code repetition}, its round trips costing {@code micros} µs of CPU, half a side. */
    private static Cell costing(Cell cell, int repetition, double micros, double stealPercent) {
        CellResult c = cell.result();
        long messages = 1_000;
        long halfNs = Math.round(micros * 1e3 * messages / 2);
        CpuCost cost = CpuCost.of(messages, CpuCost.ProcessCost.of(halfNs, 0, 1_000, 10, messages),
                CpuCost.ProcessCost.of(0, halfNs, 1_000, 0, messages));
        return new Cell(new CellResult(c.transport(), c.engine(), c.mode(), c.size(), c.connections(), repetition,
                c.placement(), c.status(), c.error(), c.warmup(), c.latencyNs(), c.histogramLog(), c.datagrams(),
                c.errors(), c.roundTripsPerSec(), c.perConnectionP99Ns(), c.throughput(), c.rate(), c.socketBuffers(), c.canary(), cost,
                new CellLoad(0.25, stealPercent, null)), cell.intervals());
    }

    private static final Box BOX = new Box(List.of(
            new Box.CpuState(0, "client", "powersave", 1_200_000L, 800_000L, 3_500_000L, "C1", 2L),
            new Box.CpuState(1, "peer", "performance", 3_500_000L, 800_000L, 3_500_000L, "C1", 2L)),
            new Box.CpuPair(0, 1, false, true, List.of("L3 Unified")), "off", Box.NONE,
            Map.of("meltdown", "Not affected"), Map.of("isolcpus", "0,1", "nohz_full", "0,1", "mitigations", Box.NOT_SET),
            "madvise", Map.of("net.ipv4.tcp_rmem", "4096 131072 6291456", "net.ipv4.tcp_wmem", "4096 16384 4194304",
            "net.ipv4.tcp_autocorking", "1"), 0.2);

    /** A run in memory whose environment has the box above. */
    private static RunData withBox(List<Cell> cells) {
        RunData plain = TestRuns.inMemory(0, "r", cells);
        Environment e = plain.environment();
        Environment boxed = new Environment(e.hostname(), e.kernel(), e.cpuModel(), e.logicalCpus(), e.jvmVendor(),
                e.jvmVersion(), e.jvmFlags(), e.ipcbenchVersion(), e.gitCommit(), e.sysctls(), e.loopbackMtu(),
                e.clockSource(), e.cpuGovernor(), List.of("-Xmx256m"), BOX);
        RunResult r = plain.run();
        RunResult run = new RunResult(r.schema(), r.id(), r.startedAt(), r.finishedAt(), r.config(), r.calibration(),
                boxed, r.cells(), r.probes(), r.claims(), r.repetitions(), r.sustainableRates());
        return new RunData(0, "r", plain.folder(), run, plain.cells(), List.of());
    }

    private static List<Cell> costedCells() {
        return List.of(costing(Cell.latency("tcp", 64, 20_000, 2), 0, 10, 0),
                costing(Cell.latency("tcp", 64, 20_000, 2), 1, 30, 0),
                costing(Cell.latency("tcp", 64, 20_000, 2), 2, 20, 7.5),
                costing(Cell.latency("udp", 64, 15_000, 2), 0, 15, 0),
                costing(Cell.latency("tcp", 1024, 25_000, 2), 0, 40, 0),
                costing(Cell.latency("tcp", 64, 8, 20_000, 2), 0, 99, 0),
                costing(Cell.throughput("tcp", 64, 1e8), 0, 77, 0));
    }

    @Test
    void theCpuChartHasABarPerTransportPerSizeWithTheMedianOverRepetitions() {
        ChartSpec chart = Charts.build(List.of(withBox(costedCells()))).chart(CpuCostChart.ID);

        assertEquals(ChartSpec.Kind.CPU_COST, chart.kind());
        assertTrue(chart.kind().bars());
        assertEquals(List.of("tcp", "udp"), chart.seriesNames());
        assertEquals(List.of(new Point(64, 20), new Point(1024, 40)), chart.series("tcp").points(),
                "median of 10, 30, 20; eight connections and throughput left out");
        assertEquals(List.of(new Point(64, 15)), chart.series("udp").points());
        assertEquals(0.0, chart.yAxis().min());
    }

    @Test
    void withoutCpuCostTheChartIsLeftOutWithItsReason() {
        ChartSet set = Charts.build(List.of(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2)))));

        assertNull(set.chart(CpuCostChart.ID));
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == ChartSpec.Kind.CPU_COST
                && o.reason().contains("CPU time")), set.omitted().toString());
    }

    @Test
    void barsTakeTheirTransportsColourAndSizesAreLabelledAsInTheTables() {
        ChartSpec spec = Charts.build(List.of(withBox(costedCells()))).chart(CpuCostChart.ID);

        CategoryChart chart = BarChartRenderer.toCategoryChart(spec);

        CategorySeries tcp = chart.getSeries("tcp");
        assertEquals(TransportStyle.of("tcp").colour(), tcp.getFillColor());
        assertEquals(TransportStyle.of("udp").colour(), chart.getSeries("udp").getFillColor());
        assertEquals(List.of("64 B", "1 KiB"), List.copyOf(tcp.getXData()));
        assertArrayEquals(new double[] {20, 40}, tcp.getYData());
        assertArrayEquals(new double[] {15, 0}, chart.getSeries("udp").getYData(), "no bar where udp was not measured");
        assertEquals(spec.title(), chart.getTitle());
    }

    @Test
    void theReportShowsTheCostTableTheBoxAndTheWarnings() {
        List<RunData> runs = List.of(withBox(costedCells()));

        String html = ReportPage.render(runs, Charts.build(runs), List.of(), Path.of("out"), "2023-11-14T22:15:00Z");

        assertTrue(html.contains("<h3>CPU per message</h3>"));
        assertTrue(html.contains("<td class=\"num\">20.00</td>"), "the third tcp repetition's total");
        assertTrue(html.contains("<h3 id=\"box\">The box</h3>"));
        assertTrue(html.contains("<th>client CPU</th><td>CPU 0: governor powersave, 1.20 GHz (0.80–3.50 GHz), "
                + "deepest idle state C1 (2 µs to wake)</td>"), html);
        assertTrue(html.contains("<th>peer JVM flags</th><td>-Xmx256m</td>"));
        assertTrue(html.contains("<li>CPU 0&#39;s governor is powersave: the clock follows the load"), "a box warning");
        assertTrue(html.contains("<li>steal time was 8% during tcp 64 B, repetition 3: its figures are unreliable."),
                "a cell's warning");
    }

    @Test
    void aRunFromBeforeTheBoxWasReadShowsNeitherTable() {
        List<RunData> runs = List.of(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2))));

        String html = ReportPage.render(runs, Charts.build(runs), List.of(), Path.of("out"), "2023-11-14T22:15:00Z");

        assertFalse(html.contains("The box"));
        assertFalse(html.contains("CPU per message"));
    }

    @Test
    void theRunsThesePlotTestsBuildAreValidRunJson() throws Exception {
        RunData run = withBox(costedCells());

        assertEquals(List.of(), RunSchema.problems(RunFolder.json().writeValueAsString(run.run())));
        assertEquals(List.of(), RunSchema.problems(RunFolder.json().writeValueAsString(
                TestRuns.run("plain", List.of(TestRuns.failed("udp", 64, "the peer died"))))));
    }
}
