package io.ipcbench.gate;

/**
 * How the gate decides. A change is a regression only when it is significant at {@code alpha}
 * and larger than {@code threshold}.
 *
 * @param metric            the percentile computed on each interval
 * @param threshold         smallest change that matters, as a fraction: 0.10 for 10%
 * @param alpha             significance level of the one-sided tests; the interval is two-sided at 1 - 2 alpha
 * @param minSamples        fewest per-interval values each side needs for a verdict
 * @param resamples         bootstrap resamples per cell
 * @param seed              seeds the bootstrap, so the same runs always give the same report
 * @param allowDifferentEnv compare runs from different environments instead of refusing
 */
public record GateSettings(Metric metric, double threshold, double alpha, int minSamples, int resamples, long seed,
                           boolean allowDifferentEnv) {
    public static final double DEFAULT_THRESHOLD = 0.10;
    public static final double DEFAULT_ALPHA = 0.01;
    public static final int DEFAULT_MIN_SAMPLES = 5;
    public static final int DEFAULT_RESAMPLES = 2_000;
    public static final long DEFAULT_SEED = 1;

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
        if (minSamples < 3) {
            throw new IllegalArgumentException("at least 3 samples per side are needed for any test");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed");
        }
    }

    /** The defaults: p99, 10%, alpha 0.01, 5 samples, 2,000 resamples, seed 1, same environment only. */
    public static GateSettings defaults() {
        return new GateSettings(Metric.P99, DEFAULT_THRESHOLD, DEFAULT_ALPHA, DEFAULT_MIN_SAMPLES, DEFAULT_RESAMPLES,
                DEFAULT_SEED, false);
    }

    public GateSettings withMetric(Metric value) {
        return new GateSettings(value, threshold, alpha, minSamples, resamples, seed, allowDifferentEnv);
    }

    public GateSettings withThreshold(double value) {
        return new GateSettings(metric, value, alpha, minSamples, resamples, seed, allowDifferentEnv);
    }

    public GateSettings withAlpha(double value) {
        return new GateSettings(metric, threshold, value, minSamples, resamples, seed, allowDifferentEnv);
    }

    public GateSettings withMinSamples(int value) {
        return new GateSettings(metric, threshold, alpha, value, resamples, seed, allowDifferentEnv);
    }

    public GateSettings withSeed(long value) {
        return new GateSettings(metric, threshold, alpha, minSamples, resamples, value, allowDifferentEnv);
    }

    public GateSettings withAllowDifferentEnv(boolean value) {
        return new GateSettings(metric, threshold, alpha, minSamples, resamples, seed, value);
    }

    /**
     * Two-sided coverage of the reported interval: 1 - 2 alpha, so that its lower end is the
     * one-sided 1 - alpha bound that matches the one-sided test (98% for alpha 0.01).
     */
    public double confidence() {
        return 1 - 2 * alpha;
    }
}
