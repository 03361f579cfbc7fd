package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.List;

import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.TestRuns.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repetitions shown one by one: the strip plots, the box canary, the modes in the tables. */
@Timeout(30)
class RepetitionChartsTest {
    /**
     * tcp at 64 B three times, two near 20 µs and one near 30 µs (two modes); pipe three times near
     * 5 µs; in the order a shuffled run might take them, each with a canary.
     */
    private static RunData repeated() {
        return TestRuns.inMemory(0, "r", List.of(
                Cell.latency("tcp", 64, 20_000, 2).canary(10_000, 11_000),
                Cell.latency("pipe", 64, 5_000, 2).canary(10_500, 10_000),
                Cell.latency("pipe", 64, 5_100, 2).repetition(1).canary(10_200, 10_300),
                Cell.latency("tcp", 64, 30_000, 2).repetition(1).canary(20_000, 21_000),
                Cell.latency("tcp", 64, 20_400, 2).repetition(2).canary(10_100, 10_000),
                Cell.latency("pipe", 64, 5_050, 2).repetition(2).canary(10_000, 10_100)));
    }

    @Test
    void theStripPlotHasOnePointPerRepetitionForP50AndP99InItsTransportsColumn() {
        ChartSet set = Charts.build(List.of(repeated()));

        assertEquals(1, set.strips().size());
        StripPlot strip = set.strips().get(0);
        assertEquals("strip-64B", strip.id());
        assertEquals(List.of("pipe", "tcp"), strip.columns().stream().map(StripPlot.Column::name).toList());
        StripPlot.Column tcp = strip.columns().get(1);
        assertEquals("tcp", tcp.colourKey());
        assertEquals(List.of("p50", "p99"), tcp.strips().stream().map(StripPlot.Strip::metric).toList());
        StripPlot.Strip p50 = tcp.strips().get(0);
        assertEquals(List.of(1, 2, 3), p50.dots().stream().map(StripPlot.Dot::repetition).toList());
        List<Double> p50s = p50.dots().stream().map(StripPlot.Dot::value).toList();
        assertEquals(20.0, p50s.get(0), 0.1);
        assertEquals(30.0, p50s.get(1), 0.1);
        assertEquals(20.4, p50s.get(2), 0.1);
        // p99 is twice the base in every test cell.
        assertEquals(60.0, tcp.strips().get(1).dots().get(1).value(), 0.1);
        assertEquals(12, strip.values().size(), "two transports, three repetitions, two metrics");
    }

    @Test
    void theStripsCarryTheRunsOwnWordsForTheModes() {
        StripPlot strip = Charts.build(List.of(repeated())).strips().get(0);

        String tcpModes = strip.columns().get(1).strips().get(0).modes();
        assertTrue(tcpModes.startsWith("bimodal: 2 of 3 repetitions near 20."), tcpModes);
        assertNull(strip.columns().get(0).strips().get(0).modes(), "pipe's three are one mode");
        assertTrue(RepetitionsSection.modes(strip).contains("<b>tcp</b> p50: bimodal"));
    }

    @Test
    void theStripPlotIsDrawnWithOneMarkPerRepetitionFilledForP50AndHollowForP99() {
        StripPlot strip = Charts.build(List.of(repeated())).strips().get(0);

        String svg = StripPlotSvg.svg(strip);

        assertEquals(12, svg.split("<title>", -1).length - 2, "a tooltip per mark, besides the plot's own");
        assertEquals(2, svg.split("<g class=\"filled\"", -1).length - 1);
        assertEquals(2, svg.split("<g class=\"hollow\"", -1).length - 1);
        assertTrue(svg.contains("tcp, repetition 2: p50 30 µs"), svg);
        assertTrue(svg.contains("color:" + TransportStyle.of("tcp").css()));
    }

    @Test
    void overlaidRunsGetAColumnEachAndAPlotWideEnoughToNameThem() {
        RunData before = repeated();
        RunData after = new RunData(1, "after", before.folder(), before.run(), before.cells(), List.of());

        StripPlot strip = Charts.build(List.of(before, after)).strips().get(0);

        assertEquals(List.of("pipe · r", "tcp · r", "pipe · after", "tcp · after"),
                strip.columns().stream().map(StripPlot.Column::name).toList());
        assertEquals(StripPlotSvg.WIDTH, StripPlotSvg.width(Charts.build(List.of(before)).strips().get(0)));
        assertTrue(StripPlotSvg.width(new StripPlot("s", "t", "µs", java.util.Collections.nCopies(8,
                strip.columns().get(2)))) > StripPlotSvg.WIDTH, "eight named columns need more than half the page");
    }

    @Test
    void shapesWhereEveryTransportRanOnceAreLeftOutAndListed() {
        ChartSet set = Charts.build(List.of(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.latency("tcp", 1024, 30_000, 2), Cell.latency("tcp", 1024, 31_000, 2).repetition(1)))));

        assertEquals(List.of("strip-1024B"), set.strips().stream().map(StripPlot::id).toList());
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.STRIP && o.reason().startsWith("1 of 2")));
    }

    @Test
    void theCanaryIsDrawnBeforeAndAfterEveryCellInTheOrderTheyRan() {
        ChartSpec canary = Charts.build(List.of(repeated())).chart(CanaryChart.ID);

        assertEquals(List.of(CanaryChart.BEFORE, CanaryChart.AFTER), canary.seriesNames());
        assertEquals(List.of(new Point(1, 10), new Point(2, 10.5), new Point(3, 10.2), new Point(4, 20),
                new Point(5, 10.1), new Point(6, 10)), canary.series(CanaryChart.BEFORE).points());
        assertEquals(21.0, canary.series(CanaryChart.AFTER).points().get(3).y());
        assertTrue(canary.series().stream().allMatch(s -> s.colourKey().equals(CanaryChart.COLOUR)));
        assertEquals(1, canary.referenceLines().size());
        assertEquals(10.15, canary.referenceLines().get(0), 1e-9, "the median canary before a cell");
    }

    @Test
    void aRunWithoutCanaryOrRepetitionsHasNeitherChartAndSaysWhy() {
        ChartSet set = Charts.build(List.of(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2)))));

        assertNull(set.chart(CanaryChart.ID));
        assertTrue(set.strips().isEmpty());
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.CANARY && o.reason().contains("--no-canary")));
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.STRIP && o.reason().contains("--repetitions")));
    }

    @Test
    void theSummaryTableKeepsACellsRepetitionsTogetherUnderTheirModes() {
        RunData run = repeated();

        String table = ReportTables.summary(run, Path.of("out"));

        int pipe = table.indexOf("pipe 64 B, 1c, 3 repetitions: one mode");
        int tcp = table.indexOf("tcp 64 B, 1c, 3 repetitions: p50 bimodal: 2 of 3 repetitions near 20.");
        assertTrue(pipe > 0 && tcp > pipe, table);
        // Under tcp's line: its cells, numbered by when they ran (1, 4, 5), repetitions 1, 2, 3.
        String rows = table.substring(tcp);
        assertTrue(rows.indexOf("<td class=\"num\">1</td>") < rows.indexOf("<td class=\"num\">4</td>"));
        assertTrue(rows.indexOf("<td class=\"num\">4</td>") < rows.indexOf("<td class=\"num\">5</td>"));
        assertFalse(table.substring(pipe, tcp).contains("tcp"), "pipe's rows hold no tcp cell");
    }

    @Test
    void theRepetitionsSectionComesAfterTheSummaryAndBeforeTheCharts() {
        RunData run = repeated();
        String html = ReportPage.render(List.of(run), Charts.build(List.of(run)), List.of(), Path.of("out"),
                "2023-11-14T22:15:00Z");

        int repetitions = html.indexOf("<h2 id=\"repetitions\">");
        assertTrue(html.indexOf("<h2 id=\"summary\">") < repetitions && repetitions < html.indexOf("<h2 id=\"charts\">"));
        assertEquals(1, html.split("<svg class=\"strip\"", -1).length - 1);
    }

    @Test
    void logAxesAreLabelledAtDecadesWhenTheySpanManyAndFinerWhenFew() {
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0, 100.0), new LogAxis(0.005, 200, 0, 100).ticks());
        assertEquals(List.of(0.5, 1.0, 2.0), new LogAxis(0.4, 2.5, 0, 100).ticks().stream()
                .filter(t -> t == 0.5 || t == 1.0 || t == 2.0).toList());
        assertTrue(new LogAxis(0.4, 2.5, 0, 100).ticks().size() >= 4);
        assertEquals(50.0, new LogAxis(1, 100, 0, 100).position(10), 1e-9);
        assertEquals(100.0, new LogAxis(1, 100, 0, 100).position(1000), 1e-9, "beyond the axis, at its end");
    }
}
