package io.ipcbench.plots;

import java.util.List;

/**
 * The charts a set of runs supports, and the ones left out with the reason (data the runs did not
 * collect is never drawn as an empty chart).
 *
 * @param charts  drawn with XChart, into files
 * @param forests the forest plot of each run with a claim that rests on a comparison, drawn into the page
 * @param strips  the strip plots of the repetitions, drawn into the page
 */
public record ChartSet(List<ChartSpec> charts, List<ForestPlot> forests, List<StripPlot> strips,
                       List<Omitted> omitted) {
    public ChartSet {
        charts = List.copyOf(charts);
        forests = List.copyOf(forests);
        strips = List.copyOf(strips);
        omitted = List.copyOf(omitted);
    }

    /** A chart, or a family of charts, that was not drawn, and why. */
    public record Omitted(ChartSpec.Kind kind, String reason) {
    }

    public List<ChartSpec> of(ChartSpec.Kind kind) {
        return charts.stream().filter(c -> c.kind() == kind).toList();
    }

    public ChartSpec chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
