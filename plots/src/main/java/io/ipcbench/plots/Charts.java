package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.plots.ChartSet.Omitted;

/**
 * Builds every chart the given runs support, as data ({@link ChartSpec}), in the order the report
 * shows them. Pure: reads nothing, draws nothing.
 */
public final class Charts {
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
        CpuCostChart.build(overlay, charts, omitted);
        TimelineCharts.build(overlay, charts, omitted);
        return new ChartSet(charts, omitted);
    }
}
