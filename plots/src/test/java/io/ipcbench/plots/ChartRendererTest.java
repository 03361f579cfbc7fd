package io.ipcbench.plots;

import java.util.List;

import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.TestRuns.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How specs become XChart charts: series, colours, markers, axes and tick labels, no pixels. */
@Timeout(30)
class ChartRendererTest {
    @BeforeAll
    static void headless() {
        Fonts.headless();
    }

    @Test
    void percentileTicksReadAsPercentiles() {
        assertEquals("0%", ChartRenderer.percentile(1));
        assertEquals("90%", ChartRenderer.percentile(10));
        assertEquals("99%", ChartRenderer.percentile(100));
        assertEquals("99.9%", ChartRenderer.percentile(1000));
        assertEquals("99.999%", ChartRenderer.percentile(100_000));
    }

    @Test
    void sizeAndCountTicksHaveUnits() {
        assertEquals("100 B", ChartRenderer.bytes(100));
        assertEquals("1 kB", ChartRenderer.bytes(1000));
        assertEquals("1 MB", ChartRenderer.bytes(1e6));
        assertEquals("250k", ChartRenderer.count(250_000));
        assertEquals("1.5M", ChartRenderer.count(1_500_000));
        assertEquals("1,000", ChartRenderer.plain(1000));
        assertEquals("0.5", ChartRenderer.plain(0.5));
    }

    @Test
    void everySeriesTakesItsTransportsColourAndMarker() {
        ChartSpec spec = Charts.build(List.of(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.latency("unix-stream", 64, 10_000, 2), Cell.latency("tcp", 1024, 20_000, 2),
                Cell.latency("unix-stream", 1024, 10_000, 2))))).chart(SizeSweepChart.ID);

        XYChart chart = ChartRenderer.toXChart(spec);

        assertEquals(spec.seriesNames(), chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
        XYSeries tcp = chart.getSeries("tcp p50");
        assertEquals(TransportStyle.of("tcp").colour(), tcp.getLineColor());
        assertEquals(TransportStyle.of("tcp").marker(), tcp.getMarker());
        assertEquals(TransportStyle.of("tcp").colour(), chart.getSeries("tcp p99").getLineColor());
        assertNotEquals(tcp.getLineStyle(), chart.getSeries("tcp p99").getLineStyle());
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
        assertEquals(spec.title(), chart.getTitle());
        assertEquals("message size (bytes, log)", chart.getXAxisTitle());
    }

    @Test
    void theAchievedRatesOfMissedRatesAreUnjoinedCrosses() {
        ChartSpec spec = Charts.build(List.of(TestRuns.inMemory(0, "r", List.of(
                Cell.rate("tcp", 64, "50%", 10_000, 10_000, 30_000, 30_000),
                Cell.rate("tcp", 64, "100%", 20_000, 15_000, 200_000, 20_000))))).chart("rate-p99-64B");

        XYChart chart = ChartRenderer.toXChart(spec);

        XYSeries achieved = chart.getSeries("rate missed: achieved");
        assertEquals(org.knowm.xchart.style.lines.SeriesLines.NONE, achieved.getLineStyle());
        assertEquals(TransportStyle.of(RateCharts.ACHIEVED).marker(), achieved.getMarker());
        assertNotEquals(org.knowm.xchart.style.lines.SeriesLines.NONE, chart.getSeries("tcp 1 conn").getLineStyle());
    }

    @Test
    void aReferenceLineOutsideTheDataWidensTheAxisToShowIt() {
        AxisSpec log = AxisSpec.log("µs", TickFormat.PLAIN);
        List<SeriesSpec> series = List.of(new SeriesSpec("a", "tcp", 0, List.of(new Point(1, 15_000),
                new Point(2, 200_000))));
        ChartSpec below = new ChartSpec("b", ChartSpec.Kind.RATE, "t", log, log, series, List.of(100.0), "");
        ChartSpec within = new ChartSpec("w", ChartSpec.Kind.RATE, "t", log, log, series, List.of(50_000.0), "");

        XYChart chart = ChartRenderer.toXChart(below);

        assertEquals(100, chart.getStyler().getYAxisMin());
        assertEquals(200_000, chart.getStyler().getYAxisMax());
        assertEquals(15_000, ChartRenderer.toXChart(within).getStyler().getYAxisMin());
        assertTrue(ChartRenderer.decadesOnly(below, false), "the line's decades count");
    }

    @Test
    void logAxesOverFewDecadesAreLabelledBetweenThePowersOfTen() {
        AxisSpec log = AxisSpec.log("µs", TickFormat.PLAIN);
        ChartSpec narrow = new ChartSpec("n", ChartSpec.Kind.SIZE_SWEEP, "t", log, log,
                List.of(new SeriesSpec("a", "tcp", 0, List.of(new Point(5, 5), new Point(30, 30)))), List.of(), "");
        ChartSpec wide = new ChartSpec("w", ChartSpec.Kind.SIZE_SWEEP, "t", log, log,
                List.of(new SeriesSpec("a", "tcp", 0, List.of(new Point(5, 5), new Point(5000, 5000)))), List.of(), "");

        assertFalse(ChartRenderer.decadesOnly(narrow, false));
        assertTrue(ChartRenderer.decadesOnly(wide, false));
    }

    @Test
    void aLongTitleIsShrunkAndThenShortenedToFitOverThePlot() {
        AxisSpec log = AxisSpec.log("µs", TickFormat.PLAIN);
        ChartSpec spec = new ChartSpec("t", ChartSpec.Kind.SPECTRUM, "x".repeat(400), log, log,
                List.of(new SeriesSpec("tcp", "tcp", 0, List.of(new Point(1, 1)))), List.of(), "");
        int room = ChartRenderer.titleRoom(spec);

        java.awt.Font font = ChartRenderer.titleFont(spec.title(), room);
        String shown = ChartRenderer.fit(spec.title(), font, room);

        assertEquals(ChartRenderer.SMALLEST_TITLE_SIZE, font.getSize());
        assertTrue(shown.endsWith("…") && shown.length() < 400, shown);
        assertEquals("short", ChartRenderer.fit("short", font, room));
    }

    @Test
    void transportsKeepDistinctStylesAndUnknownOnesAStableOne() {
        List<String> transports = io.ipcbench.config.RunConfig.DEFAULT_TRANSPORTS;
        assertEquals(transports.size(), transports.stream().map(t -> TransportStyle.of(t).colour()).distinct().count());
        assertEquals(transports.size(), transports.stream().map(t -> TransportStyle.of(t).marker()).distinct().count());
        assertEquals(TransportStyle.of("vsock"), TransportStyle.of("vsock"));
        assertEquals("#d55e00", TransportStyle.of("tcp").css());
    }
}
