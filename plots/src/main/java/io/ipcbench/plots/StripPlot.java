package io.ipcbench.plots;

import java.util.List;

/**
 * A strip plot, as data: every repetition of the cells of one shape (size and connections, or one
 * throughput size) as its own point, one column per transport, so separate modes show as separate
 * clusters instead of one average. Built by {@link StripPlots}, drawn by {@link StripPlotSvg}.
 *
 * @param id      unique within the report, e.g. {@code strip-64B-8c}
 * @param title   what is held fixed, e.g. "64 B messages, 8 connections"
 * @param unit    the values' unit, e.g. "µs"
 * @param columns in legend order
 */
record StripPlot(String id, String title, String unit, List<Column> columns) {
    StripPlot {
        columns = List.copyOf(columns);
    }

    /**
     * One transport (on one engine, in one run): a strip per metric.
     *
     * @param name      the column's label, as the charts' legends name the series
     * @param colourKey the transport, which picks the colour
     */
    record Column(String name, String colourKey, List<Strip> strips) {
        Column {
            strips = List.copyOf(strips);
        }
    }

    /**
     * One metric of one column.
     *
     * @param metric "p50", "p99" or "MB/s"
     * @param dots   one per repetition, in the order they ran
     * @param modes  the run's own words for the repetitions' modes ("bimodal: ..."), or null
     */
    record Strip(String metric, List<Dot> dots, String modes) {
        Strip {
            dots = List.copyOf(dots);
        }
    }

    /**
     * One repetition's value.
     *
     * @param repetition counted from 1, as the summary table counts them
     * @param value      in the plot's unit
     */
    record Dot(int repetition, double value) {
    }

    /** Every value in the plot. */
    List<Double> values() {
        return columns.stream().flatMap(c -> c.strips().stream()).flatMap(s -> s.dots().stream())
                .map(Dot::value).toList();
    }

    /** The metrics drawn, in the order each column draws them. */
    List<String> metrics() {
        return columns.stream().flatMap(c -> c.strips().stream()).map(Strip::metric).distinct().toList();
    }
}
