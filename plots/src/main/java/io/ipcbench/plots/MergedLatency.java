package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * The round trips of a cell's repetitions taken together: their interval logs merged into one
 * histogram, and its percentiles in the microseconds the charts use.
 */
final class MergedLatency {
    private MergedLatency() {
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
     * The round trip at a percentile, in microseconds: from the merged logs, or, for runs without logs,
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
                values.add(cell.percentileNs(percentile));
            }
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(null);
        return values.get(values.size() / 2) / 1000.0;
    }
}
