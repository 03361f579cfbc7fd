package io.ipcbench.plots;

import java.util.List;

import io.ipcbench.command.Advice;

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

    /**
     * A chart, or a family of charts, that was not drawn, and why.
     *
     * @param reason the sentence the report and {@code ipcbench plot} print, naming the advice when there is one
     * @param advice the command line that would collect what is missing, or null when no run would
     */
    public record Omitted(ChartSpec.Kind kind, String reason, Advice advice) {
        public Omitted(ChartSpec.Kind kind, String reason) {
            this(kind, reason, null);
        }

        /** Left out for want of what a run would collect: "{@code what} (ipcbench run --repetitions 3)". */
        static Omitted wanting(ChartSpec.Kind kind, String what, Advice advice) {
            return new Omitted(kind, what + " (" + advice.command() + ")", advice);
        }
    }

    public List<ChartSpec> of(ChartSpec.Kind kind) {
        return charts.stream().filter(c -> c.kind() == kind).toList();
    }

    public ChartSpec chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
