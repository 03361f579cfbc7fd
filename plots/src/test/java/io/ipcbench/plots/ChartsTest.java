package io.ipcbench.plots;

import java.util.List;

import io.ipcbench.cli.AdviceCheck;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.TestRuns.Cell;
import io.ipcbench.results.Spread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which charts and series a run gives, with which values: the data, never the pixels. */
@Timeout(30)
class ChartsTest {
    private static final double CLOSE = 0.01;

    private static ChartSet charts(List<Cell> cells) {
        return Charts.build(List.of(TestRuns.inMemory(0, "r", cells)));
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * CLOSE, () -> "expected about " + expected + ", got " + actual);
    }

    @Test
    void onePercentileSpectrumPerSizeWithOneLinePerTransportInTheHarnessOrder() {
        ChartSet set = charts(List.of(Cell.latency("unix-stream", 64, 10_000, 3), Cell.latency("tcp", 64, 20_000, 3),
                Cell.latency("tcp", 1024, 30_000, 3)));

        assertEquals(List.of("spectrum-64B", "spectrum-1024B"), set.of(Kind.SPECTRUM).stream().map(ChartSpec::id).toList());
        ChartSpec small = set.chart("spectrum-64B");
        assertEquals(List.of("tcp", "unix-stream"), small.seriesNames());
        assertEquals(List.of("tcp"), set.chart("spectrum-1024B").seriesNames());
        assertTrue(small.title().contains("64 B") && small.title().contains("testbox")
                && small.title().contains("Linux 6.1.0-test") && small.title().contains("Test CPU")
                && small.title().contains("CPUs 0,1"), small.title());
        assertTrue(small.xAxis().logarithmic() && small.yAxis().logarithmic());
        assertEquals(AxisSpec.TickFormat.PERCENTILE, small.xAxis().format());
        assertTrue(small.yAxis().title().contains("µs"));
    }

    @Test
    void theSpectrumRunsFromTheMedianToTheMaximumOnTheOneOverOneMinusPAxis() {
        SeriesSpec tcp = charts(List.of(Cell.latency("tcp", 64, 20_000, 3))).chart("spectrum-64B").series("tcp");
        List<Point> points = tcp.points();

        assertClose(20.0, points.get(0).y());
        assertEquals(1.0, points.get(0).x(), 1e-9);
        Point last = points.get(points.size() - 1);
        assertEquals(3000.0, last.x(), 1e-9, "the maximum sits at x = count");
        assertClose(200.0, last.y());
        // 90% of the values are the base, 9% twice, 1% ten times.
        Point p90 = points.stream().filter(p -> p.x() >= 10).findFirst().orElseThrow();
        assertClose(20.0, p90.y());
        Point beyondP99 = points.stream().filter(p -> p.x() > 100).findFirst().orElseThrow();
        assertClose(200.0, beyondP99.y());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).x() > points.get(i - 1).x(), "x rises");
            assertTrue(points.get(i).y() >= points.get(i - 1).y(), "latency never falls with the percentile");
        }
    }

    @Test
    void theSizeSweepHasP50AndP99PerTransportInItsColourWithTheMetricInTheLineStyle() {
        ChartSpec sweep = charts(List.of(Cell.latency("tcp", 64, 20_000, 2), Cell.latency("tcp", 1024, 30_000, 2),
                Cell.latency("pipe", 64, 5_000, 2), Cell.latency("pipe", 1024, 6_000, 2))).chart(SizeSweepChart.ID);

        assertEquals(List.of("pipe p50", "pipe p99", "tcp p50", "tcp p99"), sweep.seriesNames());
        SeriesSpec tcpP50 = sweep.series("tcp p50");
        assertEquals("tcp", tcpP50.colourKey());
        assertEquals(List.of(64.0, 1024.0), tcpP50.points().stream().map(Point::x).toList());
        assertClose(20.0, tcpP50.points().get(0).y());
        assertClose(30.0, tcpP50.points().get(1).y());
        assertClose(60.0, sweep.series("tcp p99").points().get(1).y());
        assertEquals(sweep.series("pipe p50").lineStyle(), tcpP50.lineStyle());
        assertTrue(sweep.series("tcp p99").lineStyle() != tcpP50.lineStyle());
        assertTrue(sweep.xAxis().logarithmic() && sweep.yAxis().logarithmic());
    }

    @Test
    void aSizeSweepOfOneSizeIsLeftOutWithTheReason() {
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 20_000, 2), Cell.latency("pipe", 64, 5_000, 2)));

        assertNull(set.chart(SizeSweepChart.ID));
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.SIZE_SWEEP));
    }

    @Test
    void theUnixTcpRatioDividesUnixStreamByTcpPerSizeWithALineAtOne() {
        ChartSpec ratio = charts(List.of(Cell.latency("tcp", 64, 20_000, 2), Cell.latency("unix-stream", 64, 10_000, 2),
                Cell.latency("tcp", 1024, 40_000, 2), Cell.latency("unix-stream", 1024, 30_000, 2)))
                .chart(RatioChart.ID);

        assertEquals(List.of(RatioChart.P50, RatioChart.P99), ratio.seriesNames());
        List<Point> p50 = ratio.series(RatioChart.P50).points();
        assertEquals(64.0, p50.get(0).x());
        assertClose(0.5, p50.get(0).y());
        assertClose(0.75, p50.get(1).y());
        assertClose(0.5, ratio.series(RatioChart.P99).points().get(0).y());
        assertEquals(List.of(1.0), ratio.referenceLines());
    }

    @Test
    void theRatioIsLeftOutWithoutBothTransportsAtOneSize() {
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 20_000, 2), Cell.latency("unix-stream", 1024, 10_000, 2)));

        assertNull(set.chart(RatioChart.ID));
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.RATIO));
    }

    @Test
    void throughputAndConnectionChartsAreLeftOutWhenTheRunDidNotMeasureThem() {
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 20_000, 2)));

        assertTrue(set.of(Kind.THROUGHPUT).isEmpty());
        assertTrue(set.of(Kind.CONNECTIONS).isEmpty());
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.THROUGHPUT));
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.CONNECTIONS));
    }

    @Test
    void throughputCellsGiveBytesAndMessagesPerSecondAgainstSizeAndAThroughputRatio() {
        ChartSet set = charts(List.of(Cell.throughput("tcp", 64, 30e6), Cell.throughput("tcp", 65536, 5.3e9),
                Cell.throughput("unix-stream", 64, 75e6), Cell.throughput("unix-stream", 65536, 6.6e9)));

        ChartSpec bytes = set.chart(ThroughputCharts.BYTES_ID);
        assertEquals(List.of("tcp", "unix-stream"), bytes.seriesNames());
        assertEquals(List.of(new Point(64, 30), new Point(65536, 5300)), bytes.series("tcp").points());
        ChartSpec messages = set.chart(ThroughputCharts.MESSAGES_ID);
        assertClose(30e6 / 64, messages.series("tcp").points().get(0).y());
        ChartSpec ratio = set.chart(RatioChart.ID);
        assertEquals(List.of(RatioChart.THROUGHPUT), ratio.seriesNames());
        assertClose(2.5, ratio.series(RatioChart.THROUGHPUT).points().get(0).y());
        assertTrue(set.of(Kind.SPECTRUM).isEmpty(), "throughput cells have no latency to draw");
    }

    @Test
    void connectionCountsGiveAggregateRateAndP99WithTheSpreadOverConnections() {
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 1, 20_000, 4), Cell.latency("tcp", 64, 8, 30_000, 4)
                .spread(new Spread(150_000, 200_000, 900_000)), Cell.latency("pipe", 64, 1, 5_000, 4)));

        ChartSpec rate = set.chart("connections-rate-64B");
        assertNotNull(rate);
        assertEquals(List.of("tcp"), rate.seriesNames(), "pipe was not measured at more than one connection");
        // 4 intervals of 1,000 round trips over 4 s.
        assertEquals(List.of(new Point(1, 1000), new Point(8, 1000)), rate.series("tcp").points());
        ChartSpec p99 = set.chart("connections-p99-64B");
        assertEquals(List.of("tcp p99 merged", "tcp p99 worst connection", "tcp p99 best connection"), p99.seriesNames());
        assertEquals(new Point(8, 900), p99.series("tcp p99 worst connection").points().get(1));
        assertEquals(new Point(8, 150), p99.series("tcp p99 best connection").points().get(1));
        assertClose(60.0, p99.series("tcp p99 merged").points().get(1).y());
        assertTrue(p99.xAxis().logarithmic());
    }

    @Test
    void rateCellsGiveAHockeyStickPerPercentileWithMissedRatesMarkedAndTheCellWhoseTimingsDifferMost() {
        ChartSet set = charts(List.of(Cell.rate("tcp", 64, "25%", 5_000, 5_000, 20_000, 20_000),
                Cell.rate("tcp", 64, "50%", 10_000, 10_000, 30_000, 28_000),
                Cell.rate("tcp", 64, "100%", 20_000, 15_000, 200_000, 20_000),
                Cell.rate("unix-stream", 64, "25%", 7_000, 7_000, 15_000, 15_000)));

        ChartSpec p99 = set.chart("rate-p99-64B");
        assertEquals(List.of("tcp 1 conn", "unix-stream 1 conn", "rate missed: achieved"), p99.seriesNames());
        // p99 is twice each cell's base (TestRuns' shape), against the rate offered.
        List<Point> tcp = p99.series("tcp 1 conn").points();
        assertEquals(List.of(5_000.0, 10_000.0, 20_000.0), tcp.stream().map(Point::x).toList());
        assertClose(40, tcp.get(0).y());
        assertClose(400, tcp.get(2).y());
        Point achieved = p99.series("rate missed: achieved").points().get(0);
        assertEquals(15_000, achieved.x());
        assertClose(400, achieved.y());
        assertEquals(SeriesSpec.MARKERS_ONLY, p99.series("rate missed: achieved").lineStyle());
        assertEquals(List.of(100.0), p99.referenceLines(), "the p99 budget");
        assertNotNull(set.chart("rate-p50-64B"));
        assertNotNull(set.chart("rate-p99.9-64B"));
        ChartSpec hidden = set.chart("rate-raw-vs-corrected");
        assertTrue(hidden.title().startsWith("What a closed loop hides: tcp, 64 B, 1 connection, 100% of closed loop"),
                hidden.title());
        assertClose(2_000, hidden.series().get(0).points().get(hidden.series().get(0).points().size() - 1).y());
        assertClose(200, hidden.series().get(1).points().get(hidden.series().get(1).points().size() - 1).y());
        assertTrue(set.of(Kind.SPECTRUM).isEmpty(), "rate cells are not closed-loop latency");
    }

    @Test
    void withoutTheSpreadOverConnectionsOnlyTheMergedP99IsDrawn() {
        ChartSpec p99 = charts(List.of(Cell.latency("tcp", 64, 1, 20_000, 4), Cell.latency("tcp", 64, 8, 30_000, 4)))
                .chart("connections-p99-64B");

        assertEquals(List.of("tcp p99 merged"), p99.seriesNames());
        assertTrue(p99.caption().contains("did not record single connections' p99"), p99.caption());
    }

    @Test
    void theTimelineMergesHistogramsThatStartTogetherIntoOnePoint() {
        List<org.HdrHistogram.Histogram> together = List.of(
                TestRuns.interval(10_000, 1000, TestRuns.START_MILLIS, 1000, null),
                TestRuns.interval(40_000, 1000, TestRuns.START_MILLIS, 1000, null),
                TestRuns.interval(20_000, 1000, TestRuns.START_MILLIS, 1000, null));

        assertEquals(1, CellData.timeline(together).size());
        assertEquals(3000, CellData.timeline(together).get(0).count());
    }

    @Test
    void aTimelinePerCellShowsP50P99AndMaxOfEveryInterval() {
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 20_000, 5), Cell.latency("pipe", 64, 5_000, 1)));

        ChartSpec timeline = set.chart("timeline-tcp-64B");
        assertEquals(List.of("p50", "p99", "max"), timeline.seriesNames());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), timeline.series("p50").points().stream().map(Point::x).toList());
        assertClose(20.0, timeline.series("p50").points().get(2).y());
        assertClose(200.0, timeline.series("max").points().get(2).y());
        assertTrue(timeline.series().stream().allMatch(s -> s.colourKey().equals("tcp")));
        assertNull(set.chart("timeline-pipe-64B"), "one interval is no timeline");
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.TIMELINE && o.reason().startsWith("1 of 2")));
    }

    @Test
    void failedCellsAreNotDrawn() {
        ChartSet set = charts(List.of(
                Cell.failed("udp", 64, "peer died"),
                Cell.latency("tcp", 64, 20_000, 2)));

        assertEquals(List.of("tcp"), set.chart("spectrum-64B").seriesNames());
    }

    @Test
    void aCellWithoutItsLogIsDrawnFromTheSummaryAndSaysSo() {
        Cell full = Cell.latency("tcp", 64, 20_000, 2);
        Cell noLog = new Cell(full.result(), List.of());

        ChartSpec spectrum = charts(List.of(noLog)).chart("spectrum-64B");

        assertEquals(List.of("tcp (summary)"), spectrum.seriesNames());
        assertClose(20.0, spectrum.series("tcp (summary)").points().get(0).y());
    }

    @Test
    void everyNoteThatNamesACommandNamesOneTheCommandLineTakes() {
        // One short cell, run once, without canary or claims: every note with advice is given.
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 20_000, 1)));

        List<ChartSet.Omitted> advised = set.omitted().stream().filter(o -> o.advice() != null).toList();
        assertEquals(List.of(Kind.THROUGHPUT, Kind.CONNECTIONS, Kind.RATE, Kind.CONNECT_SETUP, Kind.CANARY,
                        Kind.TIMELINE, Kind.STRIP, Kind.FOREST),
                advised.stream().map(ChartSet.Omitted::kind).toList());
        for (ChartSet.Omitted note : advised) {
            assertTrue(note.reason().contains(note.advice().options()), note.reason());
            AdviceCheck.parses(note.advice());
        }
        assertTrue(set.omitted().stream().filter(o -> o.advice() == null).map(ChartSet.Omitted::reason)
                .noneMatch(reason -> reason.contains("ipcbench") || reason.contains("--")), set.omitted().toString());
    }

    @Test
    void severalRunsAreOverlaidLabelledByRunInOneColourPerTransport() {
        RunData before = TestRuns.inMemory(0, "before", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.latency("unix-stream", 64, 10_000, 2)));
        RunData after = TestRuns.inMemory(1, "after", List.of(Cell.latency("tcp", 64, 25_000, 2)));

        ChartSet set = Charts.build(List.of(before, after));

        ChartSpec spectrum = set.chart("spectrum-64B");
        assertEquals(List.of("tcp · before", "unix-stream · before", "tcp · after"), spectrum.seriesNames());
        assertEquals("tcp", spectrum.series("tcp · after").colourKey());
        assertFalse(spectrum.series("tcp · before").lineStyle() == spectrum.series("tcp · after").lineStyle(),
                "runs are told apart by line style");
        assertClose(25.0, spectrum.series("tcp · after").points().get(0).y());
        assertNotNull(set.chart("timeline-tcp-64B-run1"));
        assertNotNull(set.chart("timeline-tcp-64B-run2"));
    }
}
