package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;

/**
 * Chart 6, the question most users come with: unix-stream divided by tcp, per message size, for
 * the p50 and p99 round trip and, when measured, throughput. Both transports must have been
 * measured in the same run, on the same engine, at one connection.
 */
final class RatioChart {
    static final String ID = "unix-vs-tcp";
    static final String UNIX = "unix-stream";
    static final String TCP = "tcp";
    /** Colour keys of the three ratios: they are metrics, not transports. */
    static final String P50 = "p50 ratio";
    static final String P99 = "p99 ratio";
    static final String THROUGHPUT = "throughput ratio";

    private RatioChart() {
    }

    /** unix-stream and tcp cells of one run and engine at one size. */
    private record Pair(List<CellData> unix, List<CellData> tcp) {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> cells = overlay.okCells().stream()
                .filter(c -> c.data().connections() == 1)
                .filter(c -> UNIX.equals(c.data().transport()) || TCP.equals(c.data().transport())).toList();
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        List<RunCell> used = new ArrayList<>();
        double minSize = Double.MAX_VALUE;
        double maxSize = 0;
        double minRatio = 1;
        double maxRatio = 1;
        // One run and engine at a time: a ratio across runs or engines would compare two boxes.
        Map<SeriesKey, List<RunCell>> byRunEngine = SeriesKey.groupBy(cells,
                c -> new SeriesKey(c.run().index(), "", c.data().engine()));
        for (List<RunCell> runEngine : byRunEngine.values()) {
            RunCell first = runEngine.get(0);
            String engine = first.data().engine();
            List<Point> p50 = new ArrayList<>();
            List<Point> p99 = new ArrayList<>();
            List<Point> throughput = new ArrayList<>();
            for (Map.Entry<Integer, Pair> size : pairs(runEngine, true).entrySet()) {
                Pair pair = size.getValue();
                p50.add(new Point(size.getKey(), MergedLatency.percentileUs(pair.unix(), 50)
                        / MergedLatency.percentileUs(pair.tcp(), 50)));
                p99.add(new Point(size.getKey(), MergedLatency.percentileUs(pair.unix(), 99)
                        / MergedLatency.percentileUs(pair.tcp(), 99)));
            }
            for (Map.Entry<Integer, Pair> size : pairs(runEngine, false).entrySet()) {
                throughput.add(new Point(size.getKey(), meanBytesPerSec(size.getValue().unix())
                        / meanBytesPerSec(size.getValue().tcp())));
            }
            for (List<Point> points : List.of(p50, p99, throughput)) {
                for (Point point : points) {
                    minSize = Math.min(minSize, point.x());
                    maxSize = Math.max(maxSize, point.x());
                    minRatio = Math.min(minRatio, point.y());
                    maxRatio = Math.max(maxRatio, point.y());
                }
            }
            add(overlay, series, lineStyles, first.run(), engine, P50, p50);
            add(overlay, series, lineStyles, first.run(), engine, P99, p99);
            add(overlay, series, lineStyles, first.run(), engine, THROUGHPUT, throughput);
            if (!p50.isEmpty() || !throughput.isEmpty()) {
                used.addAll(runEngine);
            }
        }
        if (series.isEmpty()) {
            omitted.add(new Omitted(Kind.RATIO, "needs both unix-stream and tcp measured at the same size in one run"));
            return;
        }
        charts.add(new ChartSpec(ID, Kind.RATIO, "unix-stream ÷ tcp — " + overlay.box(used),
                new AxisSpec("message size (bytes, log)", true, TickFormat.BYTES, minSize / 1.5, maxSize * 1.5),
                new AxisSpec("unix-stream / tcp", false, TickFormat.PLAIN, Math.max(0, minRatio - 0.1),
                        maxRatio + 0.1),
                series, List.of(1.0),
                "At 1 the two are equal. A latency ratio below 1 means unix-stream answers faster than loopback "
                        + "tcp; a throughput ratio above 1 means it moves more bytes per second."));
    }

    private static void add(Overlay overlay, List<SeriesSpec> series, Overlay.LineStyles lineStyles, RunData run,
                            String engine, String metric, List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        // The ratio names no transport, so the run and engine alone tell series of one colour apart.
        String name = overlay.seriesName(run, metric, engine, null);
        series.add(new SeriesSpec(name, metric, lineStyles.of(overlay.variantKey(run, engine, null)), points));
    }

    /** Sizes where both transports have cells of the mode: latency, or throughput with figures. */
    private static Map<Integer, Pair> pairs(List<RunCell> cells, boolean latency) {
        Map<Integer, Pair> pairs = new TreeMap<>();
        Map<Integer, List<RunCell>> bySize = SeriesKey.groupBy(cells, c -> c.data().size());
        for (Map.Entry<Integer, List<RunCell>> size : bySize.entrySet()) {
            List<CellData> unix = select(size.getValue(), UNIX, latency);
            List<CellData> tcp = select(size.getValue(), TCP, latency);
            if (!unix.isEmpty() && !tcp.isEmpty()) {
                pairs.put(size.getKey(), new Pair(unix, tcp));
            }
        }
        return pairs;
    }

    private static List<CellData> select(List<RunCell> cells, String transport, boolean latency) {
        return cells.stream().map(RunCell::data).filter(c -> c.transport().equals(transport))
                .filter(c -> latency ? c.latencyMode() && c.hasLatency() : c.throughput() != null).toList();
    }

    static double meanBytesPerSec(List<CellData> cells) {
        return cells.stream().mapToDouble(c -> c.throughput().bytesPerSec()).average().orElse(Double.NaN);
    }
}
