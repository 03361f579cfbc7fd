package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.ipcbench.command.Advice;
import io.ipcbench.config.RunConfig;
import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.results.SummaryTable;

/**
 * Chart 5, the timeline: p50, p99 and max of every interval of one cell's log, over the time the
 * cell ran, so hiccups (a GC, a noisy neighbour, a CPU migration) show where they happened. One
 * chart per cell and run; a cell needs at least two intervals to have a timeline.
 */
final class TimelineCharts {
    static final int MIN_INTERVALS = 2;
    /** Intervals short enough for a cell of a fraction of a second to log several. */
    private static final Advice SHORT_INTERVALS = Advice.run("--interval", "100ms");
    private static final String[] METRICS = {"p50", "p99", "max"};
    private static final List<ToLongFunction<LoggedInterval>> VALUES = List.of(
            LoggedInterval::p50Ns, LoggedInterval::p99Ns, LoggedInterval::maxNs);

    private TimelineCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        int tooShort = 0;
        List<RunCell> cells = overlay.okCells().stream().filter(c -> c.data().latencyMode()).toList();
        for (RunCell cell : cells) {
            if (cell.data().timeline().size() < MIN_INTERVALS) {
                tooShort++;
            } else {
                charts.add(chart(overlay, cell));
            }
        }
        if (cells.isEmpty()) {
            omitted.add(new Omitted(Kind.TIMELINE, "no latency cell finished"));
        } else if (tooShort > 0) {
            omitted.add(Omitted.wanting(Kind.TIMELINE, tooShort + " of " + cells.size() + " latency cells logged fewer "
                    + "than " + MIN_INTERVALS + " intervals; shorter intervals give them a timeline", SHORT_INTERVALS));
        }
    }

    private static ChartSpec chart(Overlay overlay, RunCell cell) {
        CellData data = cell.data();
        List<SeriesSpec> series = new ArrayList<>();
        for (int m = 0; m < METRICS.length; m++) {
            List<Point> points = new ArrayList<>();
            for (LoggedInterval interval : data.timeline()) {
                points.add(new Point(interval.seconds(), VALUES.get(m).applyAsLong(interval) / 1000.0));
            }
            series.add(new SeriesSpec(METRICS[m], data.transport(), m, points));
        }
        return new ChartSpec(id(overlay, cell), Kind.TIMELINE,
                "Round trips per interval: " + describe(data) + (overlay.severalRuns() ? " · " + cell.run().label() : "")
                        + " — " + overlay.box(List.of(cell)),
                AxisSpec.linear("time since the cell started (s)", TickFormat.PLAIN).withRange(0.0, null),
                AxisSpec.log("round-trip latency (µs, log)", TickFormat.PLAIN),
                series, List.of(),
                "p50 (solid), p99 (dashed) and the slowest round trip (dotted) of each interval of the log, "
                        + "placed at the interval's start.");
    }

    /** "tcp, 64 B", "tcp jdk, 64 B, 8 connections, repetition 2". */
    static String describe(CellData data) {
        StringBuilder text = new StringBuilder(data.transport());
        if (!RunConfig.ENGINE_RAW.equals(data.engine())) {
            text.append(' ').append(data.engine());
        }
        text.append(", ").append(SummaryTable.size(data.size()));
        if (data.connections() > 1) {
            text.append(", ").append(data.connections()).append(" connections");
        }
        if (data.cell().repetition() > 0) {
            text.append(", repetition ").append(data.cell().repetition() + 1);
        }
        return text.toString();
    }

    /** "timeline-tcp-64B", "timeline-tcp-jdk-64B-8c-r1-run2": unique per cell and run. */
    static String id(Overlay overlay, RunCell cell) {
        CellData data = cell.data();
        StringBuilder id = new StringBuilder("timeline-").append(data.transport());
        if (!RunConfig.ENGINE_RAW.equals(data.engine())) {
            id.append('-').append(data.engine());
        }
        id.append('-').append(CellShape.of(data).slug());
        if (data.cell().repetition() > 0) {
            id.append("-r").append(data.cell().repetition());
        }
        if (overlay.severalRuns()) {
            id.append("-run").append(cell.run().index() + 1);
        }
        return id.toString();
    }
}
