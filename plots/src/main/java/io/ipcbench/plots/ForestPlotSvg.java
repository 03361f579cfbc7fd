package io.ipcbench.plots;

import java.util.Locale;

import io.ipcbench.results.ClaimComparison;

import static io.ipcbench.plots.Html.escape;

/**
 * Draws a {@link ForestPlot} as SVG inside the report page. Not with XChart: its error bars are
 * vertical and symmetric only, and its axes have no categories, so a row per comparison with its
 * name beside it cannot be pinned to a tick. Inline, each row takes its verdict's colour from the
 * page's style, and a pointer over a row shows the comparison in full.
 */
final class ForestPlotSvg {
    private static final int ROW = 22;
    private static final int TOP = 40;
    private static final int BOTTOM = 48;
    private static final int PLOT_WIDTH = 470;
    private static final int VALUE_WIDTH = 270;
    private static final int GAP = 14;
    /** About the width of a character of the page's 12-pixel sans-serif font, to size the label column. */
    private static final double CHAR_WIDTH = 6.9;

    private ForestPlotSvg() {
    }

    /** The {@code <svg>} element. */
    static String svg(ForestPlot forest) {
        int labelWidth = (int) Math.ceil(forest.rows().stream().mapToInt(r -> r.label().length()).max().orElse(10)
                * CHAR_WIDTH);
        double left = labelWidth + GAP;
        double right = left + PLOT_WIDTH;
        int width = (int) right + GAP + VALUE_WIDTH;
        int height = TOP + forest.rows().size() * ROW + BOTTOM;
        double[] range = forest.range();
        LogAxis axis = LogAxis.over(range[0], range[1], left, right);
        double bottom = TOP + forest.rows().size() * ROW;

        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"forest\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "role=\"img\"><title>%s</title>\n", width, height, width,
                escape("Every comparison behind the claims" + (forest.run() == null ? "" : ", " + forest.run())
                        + ": ratio and interval against 1")));
        legend(svg, left);
        bands(svg, forest, width);
        for (double tick : axis.ticks()) {
            double x = axis.position(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x, TOP - 4, x,
                    bottom + 4, x, bottom + 18, escape(ChartRenderer.plain(tick))));
        }
        double one = axis.position(1);
        svg.append(String.format(Locale.ROOT, "<line class=\"one\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                one, TOP - 6, one, bottom + 4));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                + "ratio, transport / reference (log scale); the line is 1, no difference</text>\n",
                (left + right) / 2, bottom + 38));
        for (int i = 0; i < forest.rows().size(); i++) {
            row(svg, forest.rows().get(i), axis, TOP + i * ROW + ROW / 2.0, right + GAP);
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, double left) {
        String[][] entries = {{"holds", "holds"}, {"fails", "does not hold"}, {"inconclusive", "inconclusive"}};
        double x = left;
        for (String[] entry : entries) {
            svg.append(String.format(Locale.ROOT, "<g class=\"%s\"><line class=\"ci\" x1=\"%.1f\" y1=\"14\" "
                    + "x2=\"%.1f\" y2=\"14\"/><circle class=\"est\" cx=\"%.1f\" cy=\"14\" r=\"4\"/></g>"
                    + "<text x=\"%.1f\" y=\"18\">%s</text>", entry[0], x, x + 24, x + 12, x + 30, entry[1]));
            x += 40 + entry[1].length() * CHAR_WIDTH;
        }
        svg.append(String.format(Locale.ROOT, "<g class=\"inconclusive supporting\"><circle class=\"est\" cx=\"%.1f\" "
                + "cy=\"14\" r=\"4\"/></g><text x=\"%.1f\" y=\"18\">hollow: supporting, does not count towards the "
                + "verdict</text>\n", x + 6, x + 16));
    }

    /** A light band behind every other claim, so each claim's rows read as one group. */
    private static void bands(StringBuilder svg, ForestPlot forest, int width) {
        int start = 0;
        boolean shaded = false;
        for (int i = 1; i <= forest.rows().size(); i++) {
            if (i == forest.rows().size() || !forest.rows().get(i).claimId().equals(forest.rows().get(start).claimId())) {
                if (shaded) {
                    svg.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"0\" y=\"%d\" width=\"%d\" "
                            + "height=\"%d\"/>\n", TOP + start * ROW, width, (i - start) * ROW));
                }
                shaded = !shaded;
                start = i;
            }
        }
    }

    private static void row(StringBuilder svg, ForestPlot.Row row, LogAxis axis, double y, double valueX) {
        ClaimComparison c = row.comparison();
        svg.append("<g class=\"row ").append(row.verdictClass()).append(c.deciding() ? "" : " supporting")
                .append("\"><title>").append(escape(tooltip(row))).append("</title>");
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"4\" y=\"%.1f\">%s</text>", y + 4,
                escape(row.label())));
        if (c.ratio() == null) {
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">no ratio%s</text></g>\n",
                    valueX, y + 4, c.reason() == null ? "" : ": " + escape(c.reason())));
            return;
        }
        if (c.ciLow() != null && c.ciHigh() != null) {
            double x1 = axis.position(c.ciLow());
            double x2 = axis.position(c.ciHigh());
            svg.append(String.format(Locale.ROOT, "<line class=\"ci\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    x1, y, x2, y));
            // An interval longer than the axis is cut at its end, and an arrow says it goes on.
            if (axis.beyond(c.ciLow())) {
                svg.append(arrow(x1, y, -1));
            }
            if (axis.beyond(c.ciHigh())) {
                svg.append(arrow(x2, y, 1));
            }
        }
        svg.append(String.format(Locale.ROOT, "<circle class=\"est\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"/>",
                axis.position(c.ratio()), y));
        svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s</text></g>\n", valueX,
                y + 4, escape(figure(c) + " · " + c.verdict())));
    }

    private static String arrow(double x, double y, int direction) {
        return String.format(Locale.ROOT, "<path class=\"cut\" d=\"M%.1f %.1fl%d -5v10z\"/>", x + direction * 7, y,
                -direction * 7);
    }

    /** "0.62 [0.58–0.66] 95%", or the ratio alone when it has no interval. */
    static String figure(ClaimComparison c) {
        if (c.ratio() == null) {
            return "no ratio";
        }
        String ratio = ratio(c.ratio());
        if (c.ciLow() == null || c.ciHigh() == null) {
            return ratio;
        }
        return ratio + " [" + ratio(c.ciLow()) + "–" + ratio(c.ciHigh()) + "] " + percent(c.confidence());
    }

    /** Two decimals where they matter, fewer on large ratios: 0.62, 0.047, 12.4. */
    static String ratio(double value) {
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, value >= 0.1 ? "%.2f" : "%.3f", value);
    }

    /** 0.95 as "95%", 0.975 as "97.5%". */
    static String percent(double confidence) {
        return ChartRenderer.plain(Math.round(confidence * 1000) / 10.0) + "%";
    }

    private static String tooltip(ForestPlot.Row row) {
        ClaimComparison c = row.comparison();
        StringBuilder text = new StringBuilder(row.label()).append(": ").append(figure(c)).append(", ")
                .append(c.verdict());
        if (c.reason() != null) {
            text.append(" (").append(c.reason()).append(')');
        }
        text.append("; ").append(c.repetitions()).append(" and ").append(c.referenceRepetitions())
                .append(" repetitions");
        if (c.modes() != null) {
            text.append("; ").append(c.transport()).append(' ').append(c.modes());
        }
        if (c.referenceModes() != null) {
            text.append("; ").append(c.reference()).append(' ').append(c.referenceModes());
        }
        if (!c.deciding()) {
            text.append("; supporting: does not count towards the verdict");
        }
        return text.toString();
    }
}
