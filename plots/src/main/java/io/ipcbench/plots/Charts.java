package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.command.Advice;
import io.ipcbench.plots.ChartSet.Omitted;
import io.ipcbench.results.ClaimVerdict;

/**
 * Builds every chart the given runs support, as data ({@link ChartSpec}), in the order the report
 * shows them. Pure: reads nothing, draws nothing.
 */
public final class Charts {
    /** What draws the forest plot of a run not yet judged. */
    static final Advice JUDGE_CLAIMS = Advice.of("claims", "RUN_DIR");

    private Charts() {
    }

    /** The charts for one run, or several drawn over each other (labelled by run). */
    public static ChartSet build(List<RunData> runs) {
        Overlay overlay = new Overlay(runs);
        List<ChartSpec> charts = new ArrayList<>();
        List<Omitted> omitted = new ArrayList<>();
        SpectrumCharts.build(overlay, charts, omitted);
        SizeSweepChart.build(overlay, charts, omitted);
        RatioChart.build(overlay, charts, omitted);
        ThroughputCharts.build(overlay, charts, omitted);
        ConnectionCharts.build(overlay, charts, omitted);
        RateCharts.build(overlay, charts, omitted);
        ConnectCharts.build(overlay, charts, omitted);
        CanaryChart.build(overlay, charts, omitted);
        CpuCostChart.build(overlay, charts, omitted);
        TimelineCharts.build(overlay, charts, omitted);
        List<StripPlot> strips = StripPlots.build(overlay, omitted);
        return new ChartSet(charts, forests(runs, omitted), strips, omitted);
    }

    /** The forest plot of each run whose claims rest on comparisons; left out, with the reason, when none does. */
    static List<ForestPlot> forests(List<RunData> runs, List<Omitted> omitted) {
        List<ForestPlot> forests = new ArrayList<>();
        boolean judged = false;
        for (RunData run : runs) {
            List<ClaimVerdict> claims = run.run().claims() == null ? List.of() : run.run().claims();
            judged |= !claims.isEmpty();
            ForestPlot forest = ForestPlot.of(run.label(), claims);
            if (forest.drawable()) {
                forests.add(forest);
            }
        }
        if (forests.isEmpty()) {
            omitted.add(judged ? new Omitted(ChartSpec.Kind.FOREST, "no claim rests on a comparison with a ratio")
                    : Omitted.wanting(ChartSpec.Kind.FOREST, "the claims have not been judged", JUDGE_CLAIMS));
        }
        return forests;
    }
}
