package io.ipcbench.claims;

/**
 * How the judge compares transports.
 *
 * @param confidence     two-sided coverage of the interval of each ratio, e.g. 0.95 (before any
 *                       correction for multiple comparisons)
 * @param minRepetitions fewest repetitions each side of a comparison needs for a firm verdict
 */
public record ClaimSettings(double confidence, int minRepetitions) {
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Two repetitions give a spread with one degree of freedom: too little to trust against a box's modes. */
    public static final int DEFAULT_MIN_REPETITIONS = 3;

    public ClaimSettings {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
        if (minRepetitions < 2) {
            throw new IllegalArgumentException("a comparison needs at least 2 repetitions a side, not "
                    + minRepetitions);
        }
    }

    public static ClaimSettings defaults() {
        return new ClaimSettings(DEFAULT_CONFIDENCE, DEFAULT_MIN_REPETITIONS);
    }
}
