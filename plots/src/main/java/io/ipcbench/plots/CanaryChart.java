package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.results.Canary;
import io.ipcbench.stats.Medians;

/**
 * The box canary over the run: each cell's canary (a fixed pipe round trip between two threads of
 * the client) just before and just after it, in the order the cells ran. The canary does not
 * depend on the transport, so a step or a slope here is the box changing under the run, and the
 * cells measured on the far side of it are not comparable with those before.
 */
final class CanaryChart {
    static final String ID = "box-canary";
    /** The colour key of the canary's series: it is the box, not a transport. */
    static final String COLOUR = "box canary";
    static final String BEFORE = "before";
    static final String AFTER = "after";
    /** What leaves the canary out: the report names it when a run has none. */
    private static final Advice NO_CANARY = Advice.run("--no-canary");

    private CanaryChart() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<SeriesSpec> series = new ArrayList<>();
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<Double> befores = new ArrayList<>();
        int cells = 0;
        for (RunData run : overlay.runs()) {
            List<Point> before = new ArrayList<>();
            List<Point> after = new ArrayList<>();
            for (CellData cell : run.cells()) {
                Canary canary = cell.cell().canary();
                if (canary != null) {
                    before.add(new Point(run.number(cell), canary.beforeNs() / 1e3));
                    after.add(new Point(run.number(cell), canary.afterNs() / 1e3));
                    befores.add(canary.beforeNs() / 1e3);
                }
            }
            if (before.isEmpty()) {
                continue;
            }
            cells = Math.max(cells, run.cells().size());
            String suffix = overlay.severalRuns() ? " · " + run.label() : "";
            series.add(new SeriesSpec(BEFORE + suffix, COLOUR, lineStyles.of(run.index() + BEFORE), before));
            series.add(new SeriesSpec(AFTER + suffix, COLOUR, lineStyles.of(run.index() + AFTER), after));
        }
        if (series.isEmpty()) {
            omitted.add(new Omitted(Kind.CANARY, "the run took no box canary (ipcbench run measures one unless given "
                    + NO_CANARY.options() + ")", NO_CANARY));
            return;
        }
        // One run: its median canary as a line, so a drift away from it shows. Several runs have one each.
        List<Double> median = overlay.severalRuns() ? List.of()
                : List.of(Medians.median(befores.stream().mapToDouble(Double::doubleValue).toArray()));
        charts.add(new ChartSpec(ID, Kind.CANARY, "Box canary over the run — " + overlay.box(overlay.okCells()),
                AxisSpec.linear("cell, in the order the cells ran (the # of the summary table)", TickFormat.PLAIN)
                        // Half a cell of room after the last: off the cells' grid, which also keeps XChart from
                        // labelling every cell, as it does when the axis values are evenly spaced.
                        .withRange(0.0, cells + 0.5),
                AxisSpec.linear("canary round trip (µs)", TickFormat.PLAIN),
                series, median,
                "A fixed pipe round trip between two threads of the client, pinned like the cells, measured just "
                        + "before (solid) and just after (dashed) each cell. It does not depend on the transport: a "
                        + "step or a slope is the box changing under the run"
                        + (median.isEmpty() ? "." : "; the line is the run's median before a cell.")));
    }
}
