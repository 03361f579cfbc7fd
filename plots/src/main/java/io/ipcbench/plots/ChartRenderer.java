package io.ipcbench.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.ipcbench.plots.AxisSpec.TickFormat;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns a {@link ChartSpec} into an XChart chart and writes it as PNG and SVG. All styling lives
 * here; what is drawn is decided by the chart builders.
 */
public final class ChartRenderer {
    public static final int WIDTH = 1100;
    public static final int HEIGHT = 600;
    /** Above this many points a series is drawn as a line only: markers would hide it. */
    static final int MAX_POINTS_WITH_MARKERS = 60;
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final int LEGEND_LINE_LENGTH = 28;
    static final int TITLE_SIZE = 14;
    static final int SMALLEST_TITLE_SIZE = 9;
    static final String PNG = "png";
    static final String SVG = "svg";

    private ChartRenderer() {
    }

    /** The files written for one chart; {@code svg} is null when none was asked for. */
    public record Rendered(ChartSpec spec, Path png, Path svg) {
    }

    /** Builds the XChart chart for a spec. */
    public static XYChart toXChart(ChartSpec spec) {
        int titleRoom = titleRoom(spec);
        Font titleFont = titleFont(spec.title(), titleRoom);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(fit(spec.title(), titleFont, titleRoom))
                .xAxisTitle(spec.xAxis().title()).yAxisTitle(spec.yAxis().title()).build();
        style(chart.getStyler(), spec, titleFont);
        for (SeriesSpec s : spec.series()) {
            XYSeries series = chart.addSeries(s.name(), s.xs(), s.ys());
            TransportStyle look = TransportStyle.of(s.colourKey());
            series.setLineColor(look.colour());
            series.setMarkerColor(look.colour());
            if (s.lineStyle() == SeriesSpec.MARKERS_ONLY) {
                series.setLineStyle(SeriesLines.NONE);
                series.setMarker(look.marker());
                continue;
            }
            series.setLineStyle(TransportStyle.line(s.lineStyle()));
            series.setMarker(s.points().size() > MAX_POINTS_WITH_MARKERS ? SeriesMarkers.NONE : look.marker());
        }
        for (double y : spec.referenceLines()) {
            chart.addAnnotation(new AnnotationLine(y, false, false));
        }
        // XChart fits the axis to the series only, and draws a line outside it at a wrong place.
        if (!spec.referenceLines().isEmpty() && !spec.series().isEmpty()) {
            double[] range = yRange(spec);
            if (spec.yAxis().min() == null) {
                chart.getStyler().setYAxisMin(range[0]);
            }
            if (spec.yAxis().max() == null) {
                chart.getStyler().setYAxisMax(range[1]);
            }
        }
        return chart;
    }

    /** The lowest and highest value of the series and the reference lines (above 0 on a log axis). */
    static double[] yRange(ChartSpec spec) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        List<Double> values = new ArrayList<>(spec.referenceLines());
        spec.series().forEach(series -> series.points().forEach(point -> values.add(point.y())));
        for (double value : values) {
            if (Double.isFinite(value) && (value > 0 || !spec.yAxis().logarithmic())) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return new double[] {min, max};
    }

    /**
     * The title's font: bold 14 points, or smaller when a title naming several runs' boxes would
     * not fit over the plot (XChart centres the title over the plot, beside the legend, and cuts
     * off what does not fit).
     */
    static Font titleFont(String title, int room) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, TITLE_SIZE);
        while (font.getSize() > SMALLEST_TITLE_SIZE && width(title, font) > room) {
            font = font.deriveFont((float) font.getSize() - 1);
        }
        return font;
    }

    /** The title, shortened with an ellipsis if even the smallest font does not fit it. */
    static String fit(String title, Font font, int room) {
        if (width(title, font) <= room) {
            return title;
        }
        String text = title;
        while (text.length() > 20 && width(text + "…", font) > room) {
            text = text.substring(0, text.length() - 1);
        }
        return text.strip() + "…";
    }

    /** Roughly the plot's width: the chart less the legend and the y axis. */
    static int titleRoom(ChartSpec spec) {
        int legend = 0;
        for (SeriesSpec series : spec.series()) {
            legend = Math.max(legend, width(series.name(), LEGEND_FONT));
        }
        return WIDTH - (legend + LEGEND_LINE_LENGTH + 40) - 110;
    }

    private static int width(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = scratch.createGraphics();
        try {
            return graphics.getFontMetrics(font).stringWidth(text);
        } finally {
            graphics.dispose();
        }
    }

    private static void style(XYStyler styler, ChartSpec spec, Font titleFont) {
        styleCommon(styler, titleFont);
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        styler.setLegendSeriesLineLength(LEGEND_LINE_LENGTH);
        styler.setMarkerSize(7);
        styler.setAnnotationLineColor(new Color(0x555555));
        styler.setXAxisTickMarkSpacingHint(90);
        axis(spec.xAxis(), true, styler, decadesOnly(spec, true));
        axis(spec.yAxis(), false, styler, decadesOnly(spec, false));
    }

    /** The look every chart shares, lines or bars: white, light grid, the legend on the right. */
    static void styleCommon(AxesChartStyler styler, Font titleFont) {
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0x999999));
        styler.setPlotGridLinesColor(new Color(0xE4E4E4));
        styler.setChartTitleFont(titleFont);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(LEGEND_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setAntiAlias(true);
    }

    /**
     * Whether a log axis is labelled at powers of ten only: yes when the values span a few decades;
     * across less, a single "10" would be the only label, so 2, 3, 5 ... are labelled too.
     */
    static boolean decadesOnly(ChartSpec spec, boolean x) {
        AxisSpec axis = x ? spec.xAxis() : spec.yAxis();
        double min = axis.min() != null ? axis.min() : Double.MAX_VALUE;
        double max = axis.max() != null ? axis.max() : 0;
        List<Double> values = new ArrayList<>(x ? List.of() : spec.referenceLines());
        spec.series().forEach(series -> series.points().forEach(point -> values.add(x ? point.x() : point.y())));
        for (double value : values) {
            if (value > 0) {
                min = axis.min() != null ? min : Math.min(min, value);
                max = axis.max() != null ? max : Math.max(max, value);
            }
        }
        return !(max > 0 && min < max) || Math.log10(max / min) >= 2;
    }

    private static void axis(AxisSpec axis, boolean x, XYStyler styler, boolean decadesOnly) {
        Function<Double, String> labels = labels(axis.format());
        if (x) {
            styler.setXAxisLogarithmic(axis.logarithmic());
            styler.setXAxisLogarithmicDecadeOnly(decadesOnly);
            styler.setXAxisMin(axis.min());
            styler.setXAxisMax(axis.max());
            styler.setXAxisTickLabelsFormattingFunction(labels);
        } else {
            styler.setYAxisLogarithmic(axis.logarithmic());
            styler.setYAxisLogarithmicDecadeOnly(decadesOnly);
            styler.setYAxisMin(axis.min());
            styler.setYAxisMax(axis.max());
            styler.setYAxisTickLabelsFormattingFunction(labels);
        }
    }

    /** How tick values of each format are written. */
    static Function<Double, String> labels(TickFormat format) {
        return switch (format) {
            case PLAIN -> ChartRenderer::plain;
            case COUNT -> ChartRenderer::count;
            case PERCENTILE -> ChartRenderer::percentile;
            case BYTES -> ChartRenderer::bytes;
        };
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        String text = String.format(Locale.ROOT, "%.3g", value);
        return text.contains("e") ? text : text.replaceAll("\\.?0+$", "");
    }

    static String count(double value) {
        if (Math.abs(value) >= 1e6) {
            return plain(value / 1e6) + "M";
        }
        if (Math.abs(value) >= 1e3) {
            return plain(value / 1e3) + "k";
        }
        return plain(value);
    }

    /** {@code 1/(1-p)} written as the percentile p: 1 → 0%, 10 → 90%, 1000 → 99.9%. */
    static String percentile(double x) {
        if (x <= 1) {
            return "0%";
        }
        double p = 100 * (1 - 1 / x);
        int decimals = Math.max(0, (int) Math.round(Math.log10(x)) - 2);
        return String.format(Locale.ROOT, "%." + decimals + "f%%", p);
    }

    /** 100 B, 1 kB, 10 kB, 1 MB: decade ticks in decimal units (the tables give sizes in KiB). */
    static String bytes(double value) {
        if (value >= 1e6) {
            return plain(value / 1e6) + " MB";
        }
        if (value >= 1e3) {
            return plain(value / 1e3) + " kB";
        }
        return plain(value) + " B";
    }

    /** Writes {@code <id>.png}, and {@code <id>.svg} when asked, into a folder. */
    public static Rendered write(ChartSpec spec, Path folder, boolean svg) throws IOException {
        IChart chart = spec.kind().bars() ? BarChartRenderer.toCategoryChart(spec) : toXChart(spec);
        Path pngFile = encode(chart, folder.resolve(spec.id() + ".png"), PNG);
        return new Rendered(spec, pngFile, svg ? encode(chart, folder.resolve(spec.id() + ".svg"), SVG) : null);
    }

    /**
     * XChart 4's one encoder: raster formats through ImageIO, "svg" through its
     * VectorGraphicsEncoder (which needs VectorGraphics2D on the class path; the per-format encoder
     * methods are deprecated in 4.0).
     */
    private static Path encode(IChart chart, Path file, String format) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartEncoder.saveChart(chart, out, format);
        }
        return file;
    }
}
