package io.ipcbench.plots;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.ipcbench.results.SummaryTable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Draws a {@link ChartSpec} whose kind is drawn as bars: the points' x values are the categories
 * (message sizes, labelled as the tables write them), each series a bar in its transport's colour.
 */
final class BarChartRenderer {
    private BarChartRenderer() {
    }

    static CategoryChart toCategoryChart(ChartSpec spec) {
        int titleRoom = ChartRenderer.titleRoom(spec);
        Font titleFont = ChartRenderer.titleFont(spec.title(), titleRoom);
        CategoryChart chart = new CategoryChartBuilder().width(ChartRenderer.WIDTH).height(ChartRenderer.HEIGHT)
                .title(ChartRenderer.fit(spec.title(), titleFont, titleRoom))
                .xAxisTitle(spec.xAxis().title()).yAxisTitle(spec.yAxis().title()).build();
        CategoryStyler styler = chart.getStyler();
        ChartRenderer.styleCommon(styler, titleFont);
        styler.setOverlapped(false);
        styler.setAvailableSpaceFill(0.8);
        styler.setLabelsVisible(true);
        styler.setLabelsFont(ChartRenderer.LEGEND_FONT);
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsPosition(1.0);
        styler.setYAxisMin(spec.yAxis().min());
        styler.setYAxisMax(spec.yAxis().max());
        styler.setYAxisDecimalPattern("#,##0.#");

        TreeSet<Double> categories = new TreeSet<>();
        spec.series().forEach(series -> series.points().forEach(point -> categories.add(point.x())));
        for (SeriesSpec s : spec.series()) {
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (double category : categories) {
                labels.add(label(spec.xAxis(), category));
                // A series without a value in a category (a size a datagram transport cannot carry) draws no bar.
                values.add(s.points().stream().filter(p -> p.x() == category).map(Point::y).findFirst().orElse(0.0));
            }
            CategorySeries series = chart.addSeries(s.name(), labels, values);
            series.setFillColor(TransportStyle.of(s.colourKey()).colour());
        }
        return chart;
    }

    private static String label(AxisSpec axis, double category) {
        return axis.format() == AxisSpec.TickFormat.BYTES ? SummaryTable.size((int) category)
                : ChartRenderer.labels(axis.format()).apply(category);
    }
}
