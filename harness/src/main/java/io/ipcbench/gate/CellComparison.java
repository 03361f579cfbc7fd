package io.ipcbench.gate;

/**
 * One cell present in both runs, compared. Latencies in nanoseconds, changes as fractions
 * (0.25 for +25%); figures that could not be computed are null.
 *
 * @param key       {@link io.ipcbench.results.CellResult#key()}, e.g. {@code tcp/raw/64B/1c/latency}
 * @param change    candidate / baseline - 1, from the medians of the per-interval values
 * @param ciLow     lower end of the bootstrap interval of the change, at the report's confidence
 * @param ciHigh    upper end of that interval
 * @param pValue    one-sided Mann-Whitney p-value in the direction of the change
 * @param note      why the verdict, in a few words
 */
public record CellComparison(String key, Verdict verdict, Side baseline, Side candidate, Double change,
                             Double ciLow, Double ciHigh, Double pValue, String note) {

    /**
     * One run's side of the comparison.
     *
     * @param valueNs          median of the per-interval values of the metric, null without samples
     * @param samples          per-interval values used
     * @param intervals        intervals read (pooled over repetitions)
     * @param skippedIntervals intervals with too few values for the percentile
     * @param repetitions      repetitions pooled
     * @param spread           interquartile range / median of the per-interval values, null with fewer than 4
     */
    public record Side(Double valueNs, int samples, int intervals, int skippedIntervals, int repetitions,
                       Double spread) {
    }
}
