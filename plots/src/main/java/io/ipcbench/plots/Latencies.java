package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/** Latency figures over the repetitions of one cell, in the units the charts use. */
final class Latencies {
    /** Points of a spectrum per decade of {@code 1/(1-p)}: per step from 90% to 99%, 99% to 99.9% ... */
    static final int POINTS_PER_DECADE = 6;

    private Latencies() {
    }

    /** The repetitions' interval histograms merged into one, or null when none has a log. */
    static Histogram merged(List<CellData> repetitions) {
        Histogram merged = null;
        for (CellData cell : repetitions) {
            if (cell.histogram() != null && cell.histogram().getTotalCount() > 0) {
                if (merged == null) {
                    merged = new Histogram(cell.histogram().getNumberOfSignificantValueDigits());
                }
                merged.add(cell.histogram());
            }
        }
        return merged;
    }

    /**
     * The latency at a percentile, in microseconds: from the merged logs, or, for runs without logs,
     * the median of the repetitions' summaries.
     */
    static double percentileUs(List<CellData> repetitions, double percentile) {
        Histogram merged = merged(repetitions);
        if (merged != null) {
            return merged.getValueAtPercentile(percentile) / 1000.0;
        }
        List<Long> values = new ArrayList<>();
        for (CellData cell : repetitions) {
            if (cell.hasLatency()) {
                values.add(cell.latencyNs(percentile));
            }
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(null);
        return values.get(values.size() / 2) / 1000.0;
    }

    /**
     * The percentile spectrum of a histogram: x is {@code 1/(1-p)} (1 at 0%, 10 at 90%, 1000 at
     * 99.9%), y the latency in microseconds. Points are spread evenly over the log axis, so their
     * markers are too; the last point is the maximum, placed at {@code x = count}, where one sample
     * in {@code count} lies.
     */
    static List<Point> spectrum(Histogram histogram) {
        List<Point> points = new ArrayList<>();
        double count = histogram.getTotalCount();
        for (int step = 0; ; step++) {
            double x = Math.pow(10, (double) step / POINTS_PER_DECADE);
            if (x >= count) {
                break;
            }
            // 100 - 100/x rather than 100(1 - 1/x): exact at the decades, so p90 is 90, not 90.00000000000001.
            points.add(new Point(x, histogram.getValueAtPercentile(100.0 - 100.0 / x) / 1000.0));
        }
        points.add(new Point(Math.max(count, 1), histogram.getMaxValue() / 1000.0));
        return points;
    }

    /** A coarse spectrum from the summary in run.json, for a cell whose log is missing. */
    static List<Point> spectrumFromSummary(CellData cell) {
        var s = cell.cell().latencyNs();
        List<Point> points = new ArrayList<>();
        points.add(new Point(2, s.p50() / 1000.0));
        points.add(new Point(10, s.p90() / 1000.0));
        points.add(new Point(100, s.p99() / 1000.0));
        points.add(new Point(1000, s.p999() / 1000.0));
        points.add(new Point(10000, s.p9999() / 1000.0));
        if (s.count() > 10000) {
            points.add(new Point(s.count(), s.max() / 1000.0));
        }
        return points;
    }
}
