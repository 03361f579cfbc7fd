package io.ipcbench.gate;

/**
 * How the gate decides. A cell regressed when its candidate value is more than {@code threshold}
 * above the baseline runs' centre, beyond what their spread explains, at {@code alpha} after
 * Holm's correction over the cells.
 *
 * @param metric            the percentile of each repetition's round trips
 * @param threshold         smallest change that matters, as a fraction: 0.10 for 10%
 * @param alpha             significance level of the one-sided tests, after Holm's correction; the
 *                          reported interval is two-sided at 1 - 2 alpha
 * @param minRepetitions    fewest repetitions the candidate, and each baseline run used, need for a verdict
 * @param historySize       how many of the newest run folders of a history folder to use
 * @param allowDifferentEnv compare runs from different environments instead of leaving them out
 */
public record GateSettings(Percentile metric, double threshold, double alpha, int minRepetitions, int historySize,
                           boolean allowDifferentEnv) {
    public static final double DEFAULT_THRESHOLD = 0.10;
    public static final double DEFAULT_ALPHA = 0.01;
    public static final int DEFAULT_MIN_REPETITIONS = 3;
    public static final int DEFAULT_HISTORY_SIZE = 10;

    public GateSettings {
        if (metric == null) {
            throw new IllegalArgumentException("a metric is needed");
        }
        if (!(threshold >= 0) || threshold > 100) {
            throw new IllegalArgumentException("the threshold must be between 0% and 10000%");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be above 0 and below 0.5 (e.g. 0.01)");
        }
        if (minRepetitions < 2) {
            throw new IllegalArgumentException("at least 2 repetitions a side are needed for any spread");
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("the history size must be at least 1");
        }
    }

    /** The defaults: p99, 10%, alpha 0.01, 3 repetitions, the newest 10 runs of a history, same environment only. */
    public static GateSettings defaults() {
        return new GateSettings(Percentile.P99, DEFAULT_THRESHOLD, DEFAULT_ALPHA, DEFAULT_MIN_REPETITIONS,
                DEFAULT_HISTORY_SIZE, false);
    }

    public GateSettings withMetric(Percentile value) {
        return new GateSettings(value, threshold, alpha, minRepetitions, historySize, allowDifferentEnv);
    }

    public GateSettings withThreshold(double value) {
        return new GateSettings(metric, value, alpha, minRepetitions, historySize, allowDifferentEnv);
    }

    public GateSettings withAlpha(double value) {
        return new GateSettings(metric, threshold, value, minRepetitions, historySize, allowDifferentEnv);
    }

    public GateSettings withMinRepetitions(int value) {
        return new GateSettings(metric, threshold, alpha, value, historySize, allowDifferentEnv);
    }

    public GateSettings withHistorySize(int value) {
        return new GateSettings(metric, threshold, alpha, minRepetitions, value, allowDifferentEnv);
    }

    public GateSettings withAllowDifferentEnv(boolean value) {
        return new GateSettings(metric, threshold, alpha, minRepetitions, historySize, value);
    }

    /**
     * Two-sided coverage of the reported interval: 1 - 2 alpha, so that its near end is the
     * one-sided 1 - alpha bound that matches the one-sided test (98% for alpha 0.01).
     */
    public double confidence() {
        return 1 - 2 * alpha;
    }
}
