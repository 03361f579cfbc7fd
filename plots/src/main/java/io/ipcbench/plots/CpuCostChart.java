package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.stats.Medians;

/**
 * CPU per round trip by transport: a bar per transport, in its colour, grouped by message size,
 * for latency cells at one connection. A bar is both processes' user and system time per round
 * trip, the median over the cell's repetitions.
 */
final class CpuCostChart {
    static final String ID = "cpu-per-round-trip";

    private CpuCostChart() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> cells = overlay.okCells().stream()
                .filter(c -> c.data().latencyMode() && c.data().connections() == 1 && perRoundTrip(c) != null).toList();
        if (cells.isEmpty()) {
            omitted.add(new Omitted(Kind.CPU_COST, "no latency cell at one connection recorded its CPU time "
                    + "(runs made before it was recorded, or a peer that is not a process)"));
            return;
        }
        List<SeriesSpec> series = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            List<Point> points = SeriesKey.pointsBySize(group.getValue(), atSize -> Medians.median(atSize.stream()
                    .mapToDouble(CpuCostChart::perRoundTrip).toArray()));
            series.add(new SeriesSpec(overlay.seriesName(first.run(), group.getKey().transport(),
                    first.data().engine(), null), group.getKey().transport(), 0, points));
        }
        charts.add(new ChartSpec(ID, Kind.CPU_COST, "CPU per round trip, client and peer — " + overlay.box(cells),
                new AxisSpec("message size", false, TickFormat.BYTES, null, null),
                AxisSpec.linear("CPU time per round trip (µs, user + system, both processes)", TickFormat.PLAIN)
                        .withRange(0.0, null), series, List.of(),
                "CPU time both processes spent per round trip over the measured part (user and system, from the "
                        + "kernel's accounting in 10 ms ticks), median over repetitions, one connection. The table "
                        + "\"CPU per message\" in the summary splits it into client and peer."));
    }

    private static Double perRoundTrip(RunCell cell) {
        var cost = cell.data().cell().cpuCost();
        return cost == null ? null : cost.cpuMicrosPerMessage();
    }
}
