package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import org.HdrHistogram.Histogram;

/**
 * Chart 1, the percentile spectrum: one chart per message size (and connection count), latency
 * against percentile on HdrHistogram's {@code 1/(1-p)} axis, one line per transport, from the
 * interval logs merged per cell.
 */
final class SpectrumCharts {
    /** Points of a spectrum per decade of {@code 1/(1-p)}: per step from 90% to 99%, 99% to 99.9% ... */
    private static final int POINTS_PER_DECADE = 6;

    private SpectrumCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> latency = overlay.okCells().stream()
                .filter(c -> c.data().latencyMode() && c.data().hasLatency()).toList();
        if (latency.isEmpty()) {
            omitted.add(new Omitted(Kind.SPECTRUM, "no latency cell finished with data"));
            return;
        }
        Map<CellShape, List<RunCell>> byShape = SeriesKey.groupBy(latency, c -> CellShape.of(c.data()));
        for (List<RunCell> cells : byShape.values()) {
            charts.add(chart(overlay, cells));
        }
    }

    private static ChartSpec chart(Overlay overlay, List<RunCell> cells) {
        CellShape shape = CellShape.of(cells.get(0).data());
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        double maxX = 10;
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            List<CellData> repetitions = SeriesKey.data(group.getValue());
            Histogram merged = MergedLatency.merged(repetitions);
            List<Point> points = merged != null ? spectrum(merged)
                    : spectrumFromSummary(first.data());
            String metric = merged != null ? null : "(summary)";
            String engine = first.data().engine();
            series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(), engine, metric),
                    group.getKey().transport(), lineStyles.of(overlay.variantKey(first.run(), engine, null)), points));
            maxX = Math.max(maxX, points.get(points.size() - 1).x());
        }
        return new ChartSpec("spectrum-" + shape.slug(), Kind.SPECTRUM,
                "Round trip by percentile, " + shape.text() + " — " + overlay.box(cells),
                new AxisSpec("percentile", true, TickFormat.PERCENTILE, 1.0,
                        Math.pow(10, Math.ceil(Math.log10(maxX)))),
                AxisSpec.log("round-trip latency (µs, log)", TickFormat.PLAIN),
                series, List.of(),
                "Each line is one transport's round trips at " + shape.text() + ", every interval and repetition merged. "
                        + "Left: the median; to the right ever rarer waits (99% means one round trip in 100 "
                        + "waited longer); the last point is the slowest round trip.");
    }

    /**
     * The percentile spectrum of a histogram: x is {@code 1/(1-p)} (1 at 0%, 10 at 90%, 1000 at
     * 99.9%), y the latency in microseconds. Points are spread evenly over the log axis, so their
     * markers are too; the last point is the maximum, placed at {@code x = count}, where one sample
     * in {@code count} lies.
     */
    static List<Point> spectrum(Histogram histogram) {
        List<Point> points = new ArrayList<>();
        double count = histogram.getTotalCount();
        for (int step = 0; ; step++) {
            double x = Math.pow(10, (double) step / POINTS_PER_DECADE);
            if (x >= count) {
                break;
            }
            // 100 - 100/x rather than 100(1 - 1/x): exact at the decades, so p90 is 90, not 90.00000000000001.
            points.add(new Point(x, histogram.getValueAtPercentile(100.0 - 100.0 / x) / 1000.0));
        }
        points.add(new Point(Math.max(count, 1), histogram.getMaxValue() / 1000.0));
        return points;
    }

    /** A coarse spectrum from the summary in run.json, for a cell whose log is missing. */
    private static List<Point> spectrumFromSummary(CellData cell) {
        var s = cell.cell().latencyNs();
        List<Point> points = new ArrayList<>();
        points.add(new Point(2, s.p50() / 1000.0));
        points.add(new Point(10, s.p90() / 1000.0));
        points.add(new Point(100, s.p99() / 1000.0));
        points.add(new Point(1000, s.p999() / 1000.0));
        points.add(new Point(10000, s.p9999() / 1000.0));
        if (s.count() > 10000) {
            points.add(new Point(s.count(), s.max() / 1000.0));
        }
        return points;
    }
}
