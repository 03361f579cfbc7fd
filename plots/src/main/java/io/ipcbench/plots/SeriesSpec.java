package io.ipcbench.plots;

import java.util.List;

/**
 * One line of a chart, before any rendering: what the legend says, which colour and marker it
 * takes, and which line style ({@link #MARKERS_ONLY}: its points unjoined).
 *
 * @param name      legend text, unique within its chart
 * @param colourKey the transport (or, where no transport applies, the metric) that picks the colour
 *                  and marker, so a transport looks the same in every chart
 * @param lineStyle index into the chart's line styles: 0 solid, then dashed, dotted, dash-dot; it
 *                  tells apart the metrics, engines or runs drawn in one colour
 */
public record SeriesSpec(String name, String colourKey, int lineStyle, List<Point> points) {
    /** A line style that draws the points' markers only, not joined. */
    public static final int MARKERS_ONLY = -1;

    public SeriesSpec {
        points = List.copyOf(points);
    }

    public double[] xs() {
        return points.stream().mapToDouble(Point::x).toArray();
    }

    public double[] ys() {
        return points.stream().mapToDouble(Point::y).toArray();
    }
}
