package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.results.Spread;
import io.ipcbench.results.SummaryTable;

/**
 * Chart 4, many connections: per message size, aggregate round trips/s and the merged p99 against
 * the connection count, with the best and worst single connection's p99 when the run recorded them;
 * and aggregate MB/s for throughput cells. Drawn only when a run measured more than one connection;
 * the transports shown are those measured at more than one, with their one-connection cell as the
 * start of the line.
 */
final class ConnectionCharts {
    private ConnectionCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> ok = overlay.okCells();
        if (ok.stream().noneMatch(c -> c.data().connections() > 1)) {
            omitted.add(Omitted.wanting(Kind.CONNECTIONS, "every cell used one connection", Advice.CONNECTIONS));
            return;
        }
        List<RunCell> latency = swept(ok.stream().filter(c -> c.data().latencyMode() && c.data().hasLatency())
                .toList());
        for (List<RunCell> cells : SeriesKey.groupBy(latency, c -> c.data().size()).values()) {
            ChartSpec rate = chart(overlay, cells, "connections-rate", "Aggregate round trips/s",
                    AxisSpec.linear("round trips per second, all connections", TickFormat.COUNT).withRange(0.0, null),
                    ConnectionCharts::rate,
                    "Round trips per second over all connections together, against the number of connections.");
            if (rate != null) {
                charts.add(rate);
            }
            charts.add(p99Chart(overlay, cells));
        }
        List<RunCell> throughput = swept(ok.stream().filter(c -> c.data().throughput() != null).toList());
        for (List<RunCell> cells : SeriesKey.groupBy(throughput, c -> c.data().size()).values()) {
            charts.add(chart(overlay, cells, "connections-throughput", "Aggregate throughput",
                    AxisSpec.linear("MB/s, all connections (10^6 bytes)", TickFormat.PLAIN).withRange(0.0, null),
                    group -> group.stream().mapToDouble(c -> c.throughput().bytesPerSec() / 1e6).average().orElseThrow(),
                    "Bytes per second over all connections together, against the number of connections."));
        }
    }

    /** The cells of transports (per run, engine and size) that were measured at more than one connection. */
    private static List<RunCell> swept(List<RunCell> cells) {
        Function<RunCell, String> line = c -> c.run().index() + "/" + c.data().transport() + "/" + c.data().engine()
                + "/" + c.data().size();
        Set<String> sweptLines = cells.stream().filter(c -> c.data().connections() > 1).map(line)
                .collect(Collectors.toSet());
        return cells.stream().filter(c -> sweptLines.contains(line.apply(c))).toList();
    }

    /** Mean aggregate rate over repetitions; NaN when no repetition has a log to time it by. */
    static double rate(List<CellData> repetitions) {
        return repetitions.stream().map(CellData::roundTripsPerSec).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static ChartSpec chart(Overlay overlay, List<RunCell> cells, String idPrefix, String what,
                                   AxisSpec yAxis, Function<List<CellData>, Double> metric, String caption) {
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            List<Point> points = new ArrayList<>();
            for (Map.Entry<Integer, List<RunCell>> count : byConnections(group.getValue()).entrySet()) {
                double value = metric.apply(SeriesKey.data(count.getValue()));
                if (!Double.isNaN(value)) {
                    points.add(new Point(count.getKey(), value));
                }
            }
            if (!points.isEmpty()) {
                String engine = first.data().engine();
                series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(), engine, null),
                        group.getKey().transport(), lineStyles.of(overlay.variantKey(first.run(), engine, null)),
                        points));
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        int size = cells.get(0).data().size();
        return new ChartSpec(idPrefix + "-" + size + "B", Kind.CONNECTIONS,
                what + ", " + SummaryTable.size(size) + " messages — " + overlay.box(cells),
                connectionsAxis(cells), yAxis, series, List.of(), caption);
    }

    private static ChartSpec p99Chart(Overlay overlay, List<RunCell> cells) {
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        boolean anySpread = false;
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            String engine = first.data().engine();
            List<Point> merged = new ArrayList<>();
            List<Point> worst = new ArrayList<>();
            List<Point> best = new ArrayList<>();
            for (Map.Entry<Integer, List<RunCell>> count : byConnections(group.getValue()).entrySet()) {
                List<CellData> repetitions = SeriesKey.data(count.getValue());
                double p99 = MergedLatency.percentileUs(repetitions, 99);
                merged.add(new Point(count.getKey(), p99));
                Spread spread = repetitions.stream().map(c -> c.cell().perConnectionP99Ns()).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                if (count.getKey() == 1) {
                    // One connection is its own best and worst: the lines start where the merged one does.
                    worst.add(new Point(1, p99));
                    best.add(new Point(1, p99));
                } else if (spread != null) {
                    worst.add(new Point(count.getKey(), spread.worst() / 1000.0));
                    best.add(new Point(count.getKey(), spread.best() / 1000.0));
                }
            }
            String transport = group.getKey().transport();
            series.add(new SeriesSpec(overlay.seriesName(first.run(), transport, engine, "p99 merged"), transport,
                    lineStyles.of(overlay.variantKey(first.run(), engine, "merged")), merged));
            if (worst.size() > 1) {
                anySpread = true;
                series.add(new SeriesSpec(overlay.seriesName(first.run(), transport, engine, "p99 worst connection"),
                        transport, lineStyles.of(overlay.variantKey(first.run(), engine, "worst")), worst));
                series.add(new SeriesSpec(overlay.seriesName(first.run(), transport, engine, "p99 best connection"),
                        transport, lineStyles.of(overlay.variantKey(first.run(), engine, "best")), best));
            }
        }
        int size = cells.get(0).data().size();
        return new ChartSpec("connections-p99-" + size + "B", Kind.CONNECTIONS,
                "p99 round trip against connections, " + SummaryTable.size(size) + " messages — " + overlay.box(cells),
                connectionsAxis(cells), AxisSpec.log("p99 round trip (µs, log)", TickFormat.PLAIN), series, List.of(),
                "99th percentile round trip over all connections merged"
                        + (anySpread ? ", and of the best and the worst single connection: a wide gap means "
                        + "some connections are starved." : ". The run did not record single connections' p99."));
    }

    private static Map<Integer, List<RunCell>> byConnections(List<RunCell> cells) {
        return SeriesKey.groupBy(cells, c -> c.data().connections());
    }

    private static AxisSpec connectionsAxis(List<RunCell> cells) {
        double min = cells.stream().mapToInt(c -> c.data().connections()).min().orElse(1);
        double max = cells.stream().mapToInt(c -> c.data().connections()).max().orElse(1);
        return new AxisSpec("connections (log)", true, TickFormat.PLAIN, min / 1.5, max * 1.5);
    }
}
