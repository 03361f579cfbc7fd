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
    private SpectrumCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> latency = overlay.okCells().stream()
                .filter(c -> c.data().latency() && c.data().hasLatency()).toList();
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
            Histogram merged = Latencies.merged(repetitions);
            List<Point> points = merged != null ? Latencies.spectrum(merged)
                    : Latencies.spectrumFromSummary(first.data());
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
}
