package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;

/**
 * Chart 2, the size sweep: p50 and p99 round trip against message size, log-log, one colour per
 * transport, p50 solid and p99 dashed. Single-connection latency cells only; many connections have
 * their own chart.
 */
final class SizeSweepChart {
    static final String ID = "size-sweep";
    private static final double[] PERCENTILES = {50, 99};
    private static final String[] METRICS = {"p50", "p99"};

    private SizeSweepChart() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> cells = overlay.okCells().stream()
                .filter(c -> c.data().latencyMode() && c.data().connections() == 1 && c.data().hasLatency()).toList();
        Map<SeriesKey, List<RunCell>> groups = SeriesKey.group(cells);
        boolean swept = groups.values().stream()
                .anyMatch(g -> g.stream().map(c -> c.data().size()).distinct().count() > 1);
        if (!swept) {
            omitted.add(new Omitted(Kind.SIZE_SWEEP, "one message size per transport: nothing to sweep "
                    + "(the percentile chart shows it)"));
            return;
        }
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        int minSize = Integer.MAX_VALUE;
        int maxSize = 0;
        for (Map.Entry<SeriesKey, List<RunCell>> group : groups.entrySet()) {
            RunCell first = group.getValue().get(0);
            Map<Integer, List<RunCell>> bySize = SeriesKey.groupBy(group.getValue(), c -> c.data().size());
            for (int m = 0; m < PERCENTILES.length; m++) {
                List<Point> points = new ArrayList<>();
                for (Map.Entry<Integer, List<RunCell>> size : bySize.entrySet()) {
                    double us = MergedLatency.percentileUs(SeriesKey.data(size.getValue()), PERCENTILES[m]);
                    if (us > 0) {
                        points.add(new Point(size.getKey(), us));
                    }
                    minSize = Math.min(minSize, size.getKey());
                    maxSize = Math.max(maxSize, size.getKey());
                }
                String engine = first.data().engine();
                series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(), engine, METRICS[m]),
                        group.getKey().transport(), lineStyles.of(overlay.variantKey(first.run(), engine, METRICS[m])),
                        points));
            }
        }
        charts.add(new ChartSpec(ID, Kind.SIZE_SWEEP, "Round trip against message size, p50 and p99 — "
                + overlay.box(cells),
                new AxisSpec("message size (bytes, log)", true, TickFormat.BYTES, minSize / 1.5, maxSize * 1.5),
                AxisSpec.log("round-trip latency (µs, log)", TickFormat.PLAIN),
                series, List.of(),
                "Median (solid) and 99th percentile (dashed) round trip for each message size, one connection. "
                        + "A flat line means the cost is per message, a rising one that copying bytes dominates."));
    }
}
