package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.AxisSpec.TickFormat;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.Overlay.RunCell;
import io.ipcbench.results.OfferedLoad;
import io.ipcbench.results.SummaryTable;

/**
 * Latency under offered load, from the rate cells. Per message size and percentile (p50, p99,
 * p99.9), the round trip timed from each message's intended send against the load offered, a line
 * per transport and connection count: flat, then a knee where queues build (the hockey stick). A
 * rate a cell could not keep is drawn at the rate offered, with an unjoined cross at the rate
 * achieved. Then, for the rate cell whose two timings differ most at p99.9, both spectra side by
 * side: from the intended send and from the actual send, which is what coordinated omission hides.
 */
final class RateCharts {
    /** The colour key of the crosses at the rate achieved where a rate was missed. */
    static final String ACHIEVED = "achieved";
    static final double[] PERCENTILES = {50, 99, 99.9};

    private RateCharts() {
    }

    static void build(Overlay overlay, List<ChartSpec> charts, List<Omitted> omitted) {
        List<RunCell> rate = overlay.okCells().stream().filter(c -> c.data().rateMode() && c.data().hasLatency())
                .toList();
        if (rate.isEmpty()) {
            omitted.add(Omitted.wanting(Kind.RATE, "no cell measured latency under an offered rate", Advice.RATES));
            return;
        }
        for (List<RunCell> cells : SeriesKey.groupBy(rate, c -> c.data().size()).values()) {
            for (double percentile : PERCENTILES) {
                charts.add(hockeyStick(overlay, cells, percentile));
            }
        }
        rate.stream().filter(c -> c.data().rawHistogram() != null && c.data().histogram() != null)
                .max(Comparator.comparingDouble(RateCharts::hidden))
                .ifPresent(cell -> charts.add(whatACloseLoopHides(overlay, cell)));
    }

    /** How much more the p99.9 from the intended send is than from the actual send. */
    private static double hidden(RunCell cell) {
        return (double) cell.data().histogram().getValueAtPercentile(99.9)
                / Math.max(1, cell.data().rawHistogram().getValueAtPercentile(99.9));
    }

    /** "p50", "p99", "p99.9". */
    static String name(double percentile) {
        return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile)
                : Double.toString(percentile));
    }

    private static ChartSpec hockeyStick(Overlay overlay, List<RunCell> cells, double percentile) {
        Overlay.LineStyles lineStyles = new Overlay.LineStyles();
        List<SeriesSpec> series = new ArrayList<>();
        List<Point> achieved = new ArrayList<>();
        for (Map.Entry<SeriesKey, List<RunCell>> line : SeriesKey.group(cells).entrySet()) {
            for (List<RunCell> sweep : SeriesKey.groupBy(line.getValue(), c -> c.data().connections()).values()) {
                RunCell first = sweep.get(0);
                List<Point> points = new ArrayList<>();
                for (List<RunCell> rate : SeriesKey.groupBy(sweep, c -> c.data().cell().rate().requested().text())
                        .values()) {
                    List<CellData> repetitions = SeriesKey.data(rate);
                    double y = MergedLatency.percentileUs(repetitions, percentile);
                    points.add(new Point(mean(repetitions, OfferedLoad::targetPerSec), y));
                    List<CellData> missed = repetitions.stream().filter(c -> c.cell().rate().rateMissed()).toList();
                    if (!missed.isEmpty()) {
                        achieved.add(new Point(mean(missed, OfferedLoad::achievedPerSec), y));
                    }
                }
                points.sort(Comparator.comparingDouble(Point::x));
                String engine = first.data().engine();
                String connections = first.data().connections() + " conn";
                series.add(new SeriesSpec(overlay.seriesName(first.run(), line.getKey().transport(), engine,
                        connections), line.getKey().transport(),
                        lineStyles.of(overlay.variantKey(first.run(), engine, connections)), points));
            }
        }
        if (!achieved.isEmpty()) {
            series.add(new SeriesSpec("rate missed: achieved", ACHIEVED, SeriesSpec.MARKERS_ONLY, achieved));
        }
        int size = cells.get(0).data().size();
        List<Double> budget = percentile == 99 ? budgetLine(cells) : List.of();
        return new ChartSpec("rate-" + name(percentile) + "-" + size + "B", Kind.RATE,
                name(percentile) + " under offered load, " + SummaryTable.size(size) + " messages — "
                        + overlay.box(cells),
                AxisSpec.log("offered round trips per second, all connections (log)", TickFormat.COUNT),
                AxisSpec.log(name(percentile) + " from the intended send (µs, log)", TickFormat.PLAIN), series,
                budget, "Each line is a transport at one connection count: its " + name(percentile) + " round trip, "
                + "timed from when each message was due to go, against the load offered (repetitions merged). "
                + "Flat, then a knee where queues build: the hockey stick. A cross marks the rate achieved where a "
                + "cell could not keep the rate offered."
                + (budget.isEmpty() ? "" : " The horizontal line is the p99 budget of the sustainable rate."));
    }

    /** The p99 budget of the runs drawn, in µs, when they agree on one. */
    private static List<Double> budgetLine(List<RunCell> cells) {
        List<Long> budgets = cells.stream().map(c -> c.run().run().config())
                .filter(config -> config != null && config.p99BudgetNanos() > 0)
                .map(config -> config.p99BudgetNanos()).distinct().toList();
        return budgets.size() == 1 ? List.of(budgets.get(0) / 1000.0) : List.of();
    }

    private static double mean(List<CellData> cells, ToDoubleFunction<OfferedLoad> figure) {
        return cells.stream().mapToDouble(c -> figure.applyAsDouble(c.cell().rate())).average().orElse(Double.NaN);
    }

    private static ChartSpec whatACloseLoopHides(Overlay overlay, RunCell shown) {
        CellData cell = shown.data();
        OfferedLoad load = cell.cell().rate();
        String what = cell.transport() + ", " + SummaryTable.size(cell.size()) + ", "
                + cell.connections() + (cell.connections() == 1 ? " connection" : " connections") + ", "
                + load.requested().label() + String.format(Locale.ROOT, " (%,.0f/s)", load.targetPerSec())
                + (cell.cell().repetition() > 0 ? ", repetition " + (cell.cell().repetition() + 1) : "");
        List<SeriesSpec> series = List.of(
                new SeriesSpec("corrected: from the intended send", cell.transport(), 0,
                        SpectrumCharts.spectrum(cell.histogram())),
                new SeriesSpec("raw: from the actual send", cell.transport(), 1,
                        SpectrumCharts.spectrum(cell.rawHistogram())));
        double maxX = series.stream().mapToDouble(s -> s.points().get(s.points().size() - 1).x()).max().orElse(10);
        return new ChartSpec("rate-raw-vs-corrected", Kind.RATE,
                "What a closed loop hides: " + what + " — " + overlay.box(List.of(shown)),
                new AxisSpec("percentile", true, TickFormat.PERCENTILE, 1.0,
                        Math.pow(10, Math.ceil(Math.log10(Math.max(10, maxX))))),
                AxisSpec.log("round-trip latency (µs, log)", TickFormat.PLAIN), series, List.of(),
                "The same round trips timed two ways, in the rate cell where the two differ most at p99.9. Timed from "
                        + "the actual send, as a closed-loop tool (or one that stamps the actual send) does, a stall "
                        + "counts once; timed from when each message was due to go, it counts for every message it "
                        + "delayed. The gap between the lines is the latency coordinated omission hides.");
    }
}
