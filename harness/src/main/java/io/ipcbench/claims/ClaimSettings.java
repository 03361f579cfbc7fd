package io.ipcbench.claims;

/**
 * How the judge compares distributions.
 *
 * @param seed         seed of the bootstrap: the same run and seed always give the same verdicts
 * @param resamples    bootstrap resamples per comparison
 * @param confidence   two-sided coverage of the interval of the ratio, e.g. 0.95
 * @param minIntervals fewest usable interval samples each side of a comparison needs
 */
public record ClaimSettings(long seed, int resamples, double confidence, int minIntervals) {
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_RESAMPLES = 2_000;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_MIN_INTERVALS = 5;

    public ClaimSettings {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed, not " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
        if (minIntervals < 2) {
            throw new IllegalArgumentException("a comparison needs at least 2 intervals a side, not " + minIntervals);
        }
    }

    public static ClaimSettings defaults() {
        return new ClaimSettings(DEFAULT_SEED, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, DEFAULT_MIN_INTERVALS);
    }

    public ClaimSettings withSeed(long value) {
        return new ClaimSettings(value, resamples, confidence, minIntervals);
    }
}
