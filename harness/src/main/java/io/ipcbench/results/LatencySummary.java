package io.ipcbench.results;

import org.HdrHistogram.AbstractHistogram;

/** Percentiles of a latency histogram, in nanoseconds. */
public record LatencySummary(long count, long min, long p50, long p90, long p99, long p999, long p9999, long max,
                             double mean, double stddev) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary of(AbstractHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getMinValue(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99), histogram.getMaxValue(),
                histogram.getMean(), histogram.getStdDeviation());
    }
}
