package io.ipcbench.plots;

import java.util.List;
import java.util.Locale;

import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static io.ipcbench.plots.Html.escape;

/**
 * Draws a {@link StripPlot} as SVG inside the report page: a column per transport, in its colour
 * and with its marker from the charts; each repetition a point, spread sideways so that equal
 * values stay visible; p50 filled, p99 hollow. Not with XChart: its axes have no categories to
 * name a column by, and its markers cannot be hollow.
 */
final class StripPlotSvg {
    /** The width of a plot whose columns fit it: half the page, so two sit side by side. */
    static final int WIDTH = 540;
    static final int HEIGHT = 320;
    private static final int LEFT = 62;
    private static final int RIGHT_MARGIN = 12;
    /** The least room one strip of points takes, in a column. */
    private static final int STRIP_WIDTH = 50;
    /** About the width of a character of the 12-pixel column names. */
    private static final double CHAR_WIDTH = 6.9;
    private static final int TOP = 30;
    private static final int BOTTOM = HEIGHT - 58;
    private static final double RADIUS = 4.5;
    /** The widest sideways spread between neighbouring repetitions of one strip. */
    private static final double SPREAD = 7;

    private StripPlotSvg() {
    }

    /**
     * The plot's width: {@link #WIDTH}, or more when its columns need it (several runs overlaid)
     * so that no column's name runs into the next.
     */
    static int width(StripPlot plot) {
        double column = 0;
        for (StripPlot.Column c : plot.columns()) {
            column = Math.max(column, Math.max(STRIP_WIDTH * c.strips().size(), c.name().length() * CHAR_WIDTH + 12));
        }
        return Math.max(WIDTH, (int) Math.ceil(LEFT + RIGHT_MARGIN + plot.columns().size() * column));
    }

    /** The {@code <svg>} element. */
    static String svg(StripPlot plot) {
        int width = width(plot);
        int right = width - RIGHT_MARGIN;
        List<Double> values = plot.values();
        double low = values.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(1);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
        LogAxis axis = LogAxis.over(low, Math.max(high, low), BOTTOM, TOP);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"strip\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "role=\"img\"><title>%s</title>\n", width, HEIGHT, width,
                escape("Each repetition, " + plot.title())));
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%d\" y=\"18\">%s</text>\n", LEFT,
                escape(plot.title() + ": each repetition")));
        double columnWidth = (right - LEFT) / (double) plot.columns().size();
        for (int i = 0; i < plot.columns().size(); i += 2) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                    LEFT + i * columnWidth, TOP, columnWidth, BOTTOM - TOP));
        }
        for (double tick : axis.ticks()) {
            double y = axis.position(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, y, right, y,
                    LEFT - 6, y + 4, escape(ChartRenderer.plain(tick))));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" transform=\"translate(14 %.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s (log)</text>\n", (TOP + BOTTOM) / 2.0, escape(plot.unit())));
        svg.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                LEFT, TOP, right - LEFT, BOTTOM - TOP));
        for (int i = 0; i < plot.columns().size(); i++) {
            column(svg, plot.columns().get(i), axis, LEFT + i * columnWidth, columnWidth, plot.unit());
        }
        return svg.append("</svg>").toString();
    }

    private static void column(StringBuilder svg, StripPlot.Column column, LogAxis axis, double x, double width,
                               String unit) {
        TransportStyle style = TransportStyle.of(column.colourKey());
        int strips = column.strips().size();
        double stripWidth = width / strips;
        for (int s = 0; s < strips; s++) {
            StripPlot.Strip strip = column.strips().get(s);
            double centre = x + (s + 0.5) * stripWidth;
            // Spread the points sideways, evenly, within a third of the strip.
            double step = Math.min(SPREAD, stripWidth / 3 / Math.max(1, strip.dots().size()));
            boolean hollow = s > 0;
            svg.append("<g class=\"").append(hollow ? "hollow" : "filled").append("\" style=\"color:")
                    .append(style.css()).append("\">");
            for (int d = 0; d < strip.dots().size(); d++) {
                StripPlot.Dot dot = strip.dots().get(d);
                double dx = centre + (d - (strip.dots().size() - 1) / 2.0) * step;
                svg.append("<g><title>").append(escape(String.format(Locale.ROOT, "%s, repetition %d: %s %s %s",
                        column.name(), dot.repetition(), strip.metric(), ChartRenderer.plain(dot.value()), unit)))
                        .append("</title>").append(marker(style.marker(), dx, axis.position(dot.value()))).append("</g>");
            }
            svg.append("</g>");
            if (strips > 1) {
                svg.append(String.format(Locale.ROOT, "<text class=\"metric\" x=\"%.1f\" y=\"%d\" "
                        + "text-anchor=\"middle\">%s</text>", centre, BOTTOM + 14, escape(strip.metric())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"column\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s"
                + "</text>\n", x + width / 2, BOTTOM + (strips > 1 ? 32 : 18), escape(column.name())));
    }

    /** The chart marker of a transport, as an SVG shape centred on (x, y). */
    static String marker(Marker marker, double x, double y) {
        double r = RADIUS;
        if (marker == SeriesMarkers.SQUARE || marker == SeriesMarkers.RECTANGLE) {
            return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    x - r, y - r, 2 * r, 2 * r);
        }
        if (marker == SeriesMarkers.DIAMOND) {
            return polygon(x, y, new double[] {0, -1.3, 1.3, 0, 0, 1.3, -1.3, 0});
        }
        if (marker == SeriesMarkers.TRIANGLE_UP) {
            return polygon(x, y, new double[] {0, -1.3, 1.2, 0.9, -1.2, 0.9});
        }
        if (marker == SeriesMarkers.TRIANGLE_DOWN) {
            return polygon(x, y, new double[] {0, 1.3, 1.2, -0.9, -1.2, -0.9});
        }
        if (marker == SeriesMarkers.TRAPEZOID) {
            return polygon(x, y, new double[] {-0.6, -1, 0.6, -1, 1.2, 1, -1.2, 1});
        }
        if (marker == SeriesMarkers.CROSS || marker == SeriesMarkers.PLUS) {
            double[] plus = {-0.4, -1.2, 0.4, -1.2, 0.4, -0.4, 1.2, -0.4, 1.2, 0.4, 0.4, 0.4,
                    0.4, 1.2, -0.4, 1.2, -0.4, 0.4, -1.2, 0.4, -1.2, -0.4, -0.4, -0.4};
            return polygon(x, y, marker == SeriesMarkers.PLUS ? plus : turned(plus));
        }
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", x, y, r);
    }

    /** The corner offsets turned by 45 degrees: a plus into a cross. */
    private static double[] turned(double[] offsets) {
        double[] turned = new double[offsets.length];
        for (int i = 0; i < offsets.length; i += 2) {
            turned[i] = (offsets[i] - offsets[i + 1]) / Math.sqrt(2);
            turned[i + 1] = (offsets[i] + offsets[i + 1]) / Math.sqrt(2);
        }
        return turned;
    }

    /** A polygon from corner offsets in units of the marker's radius. */
    private static String polygon(double x, double y, double[] offsets) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < offsets.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f",
                    x + offsets[i] * RADIUS, y + offsets[i + 1] * RADIUS));
        }
        return "<polygon points=\"" + points + "\"/>";
    }
}
