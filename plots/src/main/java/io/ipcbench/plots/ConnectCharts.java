package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.SummaryTable;
import io.ipcbench.stats.Medians;

/**
 * Connection set-up, from connect cells (each operation dials, sends one request, takes its reply and
 * closes): the connect alone by transport, a bar per transport grouped by request size, at one loop;
 * and connections per second against the number of loops dialling at once, per request size.
 */
final class ConnectCharts {
    static final String SETUP_ID = "connect-setup";
    static final String RATE_ID = "connect-rate";
    /** The run that collects connect cells. */
    static final Advice CONNECT = Advice.run("--transports", "tcp,unix-stream,unix-seqpacket", "--connect-sizes",
            "64", "--connections", "1,16");

    private ConnectCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> cells = overlay.okCells().stream()
                .filter(c -> c.data().cell().cellMode() == CellMode.CONNECT && c.data().cell().setUp() != null
                        && c.data().cell().setUp().connectNs() != null).toList();
        if (cells.isEmpty()) {
            omitted.add(Omitted.wanting(Kind.CONNECT_SETUP, "no connect cells", CONNECT));
            return;
        }
        List<RunCell> oneLoop = cells.stream().filter(c -> c.data().connections() == 1).toList();
        if (oneLoop.isEmpty()) {
            omitted.add(new Omitted(Kind.CONNECT_SETUP, "no connect cell with one loop: the set-up of a connection "
                    + "is shown where no other loop shares the CPUs"));
        } else {
            charts.add(setUp(overlay, oneLoop));
        }
        for (List<RunCell> atSize : SeriesKey.groupBy(cells, c -> c.data().size()).values()) {
            charts.add(rate(overlay, atSize));
        }
    }

    /** The median over repetitions of a cell's connect alone, p50, in microseconds. */
    static double connectP50Us(List<RunCell> repetitions) {
        return Medians.median(repetitions.stream()
                .mapToDouble(c -> c.data().cell().setUp().connectNs().p50() / 1000.0).toArray());
    }

    /** The mean over repetitions of a cell's operations per second, all loops together. */
    static double operationsPerSec(List<RunCell> repetitions) {
        return repetitions.stream().mapToDouble(c -> c.data().cell().roundTripsPerSec()).average().orElse(Double.NaN);
    }

    private static ChartSpec setUp(Overlay overlay, List<RunCell> cells) {
        List<SeriesSpec> series = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(),
                    first.data().engine(), null), group.getKey().transport(), 0,
                    SeriesKey.pointsBySize(group.getValue(), ConnectCharts::connectP50Us)));
        }
        return new ChartSpec(SETUP_ID, Kind.CONNECT_SETUP, "Connection set-up by transport, one loop — "
                + overlay.box(cells), new AxisSpec("request size", false, TickFormat.BYTES, null, null),
                AxisSpec.linear("connect alone, p50 (µs)", TickFormat.PLAIN).withRange(0.0, null), series, List.of(),
                "The connect alone, from a new socket to the connection usable (for TCP, the SYN-ACK in), median "
                        + "of each cell, median over repetitions; one loop dialling. The whole operation (connect, "
                        + "request, reply, close) and its p99 are in the summary table.");
    }

    private static ChartSpec rate(Overlay overlay, List<RunCell> cells) {
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            List<Point> points = new ArrayList<>();
            SeriesKey.groupBy(group.getValue(), c -> c.data().connections())
                    .forEach((loops, repetitions) -> points.add(new Point(loops, operationsPerSec(repetitions))));
            String engine = first.data().engine();
            series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(), engine, null),
                    group.getKey().transport(), lineStyles.of(overlay.variantKey(first.run(), engine, null)), points));
        }
        int size = cells.get(0).data().size();
        double min = cells.stream().mapToInt(c -> c.data().connections()).min().orElse(1);
        double max = cells.stream().mapToInt(c -> c.data().connections()).max().orElse(1);
        return new ChartSpec(RATE_ID + "-" + size + "B", Kind.CONNECT_RATE, "Connections per second against loops, "
                + SummaryTable.size(size) + " requests — " + overlay.box(cells),
                new AxisSpec("loops dialling at once (log)", true, TickFormat.PLAIN, min / 1.5, max * 1.5),
                AxisSpec.linear("connections per second, all loops", TickFormat.COUNT).withRange(0.0, null), series,
                List.of(), "Operations (connect, one request, its reply, close) per second over all loops together, "
                        + "mean over repetitions, against the number of loops dialling at once from one thread.");
    }
}
