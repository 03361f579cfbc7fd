package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.results.RepetitionSummary;

/**
 * Builds the strip plots: per cell shape, every repetition's p50 and p99 (latency cells) or MB/s
 * (throughput cells) as a point of its own. A shape is drawn when some transport ran there at
 * least twice; with one repetition each there are no modes to see.
 */
final class StripPlots {
    static final int MIN_REPETITIONS = 2;

    private StripPlots() {
    }

    /** How one metric is read from a cell, and where the run's words for its modes are. */
    private record Metric(String name, ToDoubleFunction<CellData> value, Function<RepetitionSummary,
            RepetitionSummary.Figure> figure) {
    }

    private static final List<Metric> LATENCY = List.of(
            new Metric("p50", c -> c.cell().latencyNs().p50() / 1e3, RepetitionSummary::p50Ns),
            new Metric("p99", c -> c.cell().latencyNs().p99() / 1e3, RepetitionSummary::p99Ns));
    private static final List<Metric> THROUGHPUT = List.of(
            new Metric("MB/s", c -> c.throughput().bytesPerSec() / 1e6, RepetitionSummary::bytesPerSec));

    static List<StripPlot> build(Overlay overlay, List<Omitted> omitted) {
        List<RunCell> latency = overlay.okCells().stream().filter(c -> c.data().latencyMode()
                && c.data().cell().latencyNs() != null && c.data().cell().latencyNs().count() > 0).toList();
        List<RunCell> throughput = overlay.okCells().stream().filter(c -> c.data().throughput() != null).toList();
        List<StripPlot> plots = new ArrayList<>();
        int once = 0;
        for (List<RunCell> cells : SeriesKey.groupBy(latency, c -> CellShape.of(c.data())).values()) {
            once += add(plots, overlay, cells, "strip-", "", "µs", LATENCY);
        }
        for (List<RunCell> cells : SeriesKey.groupBy(throughput, c -> CellShape.of(c.data())).values()) {
            once += add(plots, overlay, cells, "strip-throughput-", "throughput, ", "MB/s", THROUGHPUT);
        }
        if (latency.isEmpty() && throughput.isEmpty()) {
            omitted.add(new Omitted(Kind.STRIP, "no cell finished with data"));
        } else if (once > 0) {
            omitted.add(Omitted.wanting(Kind.STRIP, once + " of " + (once + plots.size()) + " cell shapes ran once per "
                    + "transport, so there are no repetitions to set side by side", Advice.repetitions(3)));
        }
        return plots;
    }

    /** Adds the plot of one shape and returns 0, or returns 1 when every transport ran there once. */
    private static int add(List<StripPlot> plots, Overlay overlay, List<RunCell> cells, String idPrefix,
                           String titlePrefix, String unit, List<Metric> metrics) {
        CellShape shape = CellShape.of(cells.get(0).data());
        List<StripPlot.Column> columns = new ArrayList<>();
        boolean repeated = false;
        for (Map.Entry<SeriesKey, List<RunCell>> group : SeriesKey.group(cells).entrySet()) {
            RunCell first = group.getValue().get(0);
            RepetitionSummary summary = first.run().repetitions(first.data().cell());
            List<StripPlot.Strip> strips = new ArrayList<>();
            for (Metric metric : metrics) {
                List<StripPlot.Dot> dots = group.getValue().stream().map(c -> new StripPlot.Dot(
                        c.data().cell().repetition() + 1, metric.value().applyAsDouble(c.data()))).toList();
                RepetitionSummary.Figure figure = summary == null ? null : metric.figure().apply(summary);
                strips.add(new StripPlot.Strip(metric.name(), dots, figure == null ? null : figure.modes()));
            }
            repeated |= group.getValue().size() >= MIN_REPETITIONS;
            columns.add(new StripPlot.Column(overlay.seriesName(first.run(), group.getKey().transport(),
                    group.getKey().engine(), null), group.getKey().transport(), strips));
        }
        if (!repeated) {
            return 1;
        }
        plots.add(new StripPlot(idPrefix + shape.slug(), titlePrefix + shape.text(), unit, columns));
        return 0;
    }
}
