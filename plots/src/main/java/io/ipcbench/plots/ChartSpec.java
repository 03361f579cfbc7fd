package io.ipcbench.plots;

import java.util.List;

/**
 * Everything a chart shows, as plain data: built from run folders by the chart builders, turned
 * into pixels by {@link ChartRenderer}. Tests check these, not images.
 *
 * @param id              file name without extension, e.g. {@code spectrum-64B}
 * @param referenceLines  y values to mark with a horizontal line (e.g. 1.0 on a ratio chart)
 * @param caption         one or two sentences for the report: what to read from the chart
 */
public record ChartSpec(String id, Kind kind, String title, AxisSpec xAxis, AxisSpec yAxis,
                        List<SeriesSpec> series, List<Double> referenceLines, String caption) {
    public ChartSpec {
        series = List.copyOf(series);
        referenceLines = List.copyOf(referenceLines);
    }

    /**
     * The chart families, in the order the report shows them. The forest and strip plots are drawn
     * into the page itself, not through a spec; they are here so that their absence is listed with
     * the others.
     */
    public enum Kind {
        FOREST("Claims: every comparison"),
        STRIP("Repetitions side by side"),
        SPECTRUM("Latency by percentile"),
        SIZE_SWEEP("Latency against message size"),
        RATIO("unix-stream against tcp"),
        THROUGHPUT("Throughput"),
        CONNECTIONS("Many connections"),
        RATE("Latency under offered load"),
        CONNECT_SETUP("Connection set-up by transport", true),
        CONNECT_RATE("Connections per second"),
        CANARY("Box canary over the run"),
        CPU_COST("CPU per round trip", true),
        TIMELINE("Latency over time");

        private final String heading;
        private final boolean bars;

        Kind(String heading) {
            this(heading, false);
        }

        Kind(String heading, boolean bars) {
            this.heading = heading;
            this.bars = bars;
        }

        public String heading() {
            return heading;
        }

        /** Drawn as bars, one per series in each category (the points' x values), instead of lines. */
        public boolean bars() {
            return bars;
        }
    }

    /** The series with this legend name, or null. */
    public SeriesSpec series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> seriesNames() {
        return series.stream().map(SeriesSpec::name).toList();
    }
}
