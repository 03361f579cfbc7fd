package io.ipcbench.gate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.stats.Medians;
import org.HdrHistogram.Histogram;

/**
 * The samples of one cell in one run: the metric computed on every interval histogram of its
 * interval logs, pooled over repetitions. Intervals with too few values to define the percentile
 * (fewer than 100 for p99) are counted and left out.
 *
 * @param values           per-interval percentile values, nanoseconds, in log order
 * @param intervals        interval histograms read, skipped ones included
 * @param skippedIntervals intervals left out for having too few values
 * @param repetitions      cells (repetitions) pooled
 */
public record CellSamples(double[] values, int intervals, int skippedIntervals, int repetitions) {

    /**
     * Reads the interval logs of the given cells, all of one key, from the run folder.
     *
     * @throws RunFolder.InvalidRunException when a log is missing or cannot be decoded
     */
    public static CellSamples read(Path folder, List<CellResult> cells, Metric metric)
            throws RunFolder.InvalidRunException {
        double[] values = new double[0];
        int count = 0;
        int intervals = 0;
        int skipped = 0;
        for (CellResult cell : cells) {
            List<Histogram> histograms = RunFolder.readIntervals(folder.resolve(cell.histogramLog()));
            for (Histogram histogram : histograms) {
                intervals++;
                if (histogram.getTotalCount() < metric.minimumCount()) {
                    skipped++;
                    continue;
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, Math.max(16, count * 2));
                }
                values[count++] = metric.valueOf(histogram);
            }
        }
        return new CellSamples(Arrays.copyOf(values, count), intervals, skipped, cells.size());
    }

    public int size() {
        return values.length;
    }

    /**
     * How much the per-interval values vary: interquartile range over median, e.g. 0.05 on a quiet
     * box and above 1 on a busy one; null with fewer than 4 values.
     */
    public Double spread() {
        if (values.length < 4) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = Medians.quantileOfSorted(sorted, 0.5);
        if (median <= 0) {
            return null;
        }
        return (Medians.quantileOfSorted(sorted, 0.75) - Medians.quantileOfSorted(sorted, 0.25)) / median;
    }
}
