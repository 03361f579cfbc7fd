package io.ipcbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The ratio of two positive quantities, A over B, estimated on the log scale with a standard error
 * and Student's t: the one estimate behind every interval and test of the claims and the gate.
 *
 * <p>Two ways to make one, for the two questions asked of it:
 * <ul>
 *   <li>{@link #welch}: A and B are each a handful of <em>repetitions</em> (one value per fresh
 *       peer process). The log ratio is the difference of the mean logs; its standard error and
 *       degrees of freedom are Welch's, so two sides with different spreads are fine. The interval
 *       is that of the ratio of geometric means.</li>
 *   <li>{@link #againstHistory}: A is one new run's value, B the values of several earlier runs of
 *       the same cell. The question is whether A lies outside the run-to-run spread the earlier
 *       runs show, so the standard error is that of a prediction, s &#8730;(1 + 1/k), with k - 1
 *       degrees of freedom.</li>
 * </ul>
 *
 * <p>Why logs and t, and not a bootstrap of interval values: the values within one process are not
 * independent draws (a process keeps the wake-up mode it landed in), so only repetitions count,
 * and there are few of them, 3 to 10. With so few, a percentile bootstrap cannot reach outside the
 * values it was given and its intervals come out too narrow; Student's t, with the degrees of
 * freedom it has, widens the interval as it should. Latencies and rates are positive and skewed,
 * and a change is read as a factor: their logarithms are nearer normal, and a difference of logs is
 * a ratio.
 *
 * @param logRatio         estimated log(A / B)
 * @param standardError    standard error of {@code logRatio}; 0 when every value on both sides is the same
 * @param degreesOfFreedom of the t distribution the estimate follows
 */
public record LogRatio(double logRatio, double standardError, double degreesOfFreedom) {
    /** A two-sided interval of the ratio A / B, with its estimate. */
    public record Interval(double estimate, double lower, double upper) {
        /** Whether the whole interval lies below 1 (touching 1 is not below it). */
        public boolean below1() {
            return upper < 1;
        }

        /** Whether the whole interval lies above 1. */
        public boolean above1() {
            return lower > 1;
        }
    }

    /**
     * The ratio of the geometric means of {@code a} and {@code b}, from their values, one per
     * repetition. Each side needs at least 2 values (a spread needs two), all positive.
     */
    public static LogRatio welch(double[] a, double[] b) {
        requireValues(a, 2, "a");
        requireValues(b, 2, "b");
        double meanA = GeometricMean.meanLog(a);
        double meanB = GeometricMean.meanLog(b);
        double varA = varianceLog(a, meanA) / a.length;
        double varB = varianceLog(b, meanB) / b.length;
        double se = Math.sqrt(varA + varB);
        double df;
        if (se == 0) {
            df = a.length + b.length - 2;
        } else {
            // Welch-Satterthwaite; a side with no spread contributes no term.
            double denominator = (varA == 0 ? 0 : varA * varA / (a.length - 1))
                    + (varB == 0 ? 0 : varB * varB / (b.length - 1));
            df = (varA + varB) * (varA + varB) / denominator;
        }
        return new LogRatio(meanA - meanB, se, df);
    }

    /**
     * A new run's value against the values of earlier runs: the ratio of the new value to the
     * earlier runs' geometric mean, with the standard error of predicting one more run from them.
     * Needs at least 2 earlier runs (a spread needs two).
     */
    public static LogRatio againstHistory(double candidate, double[] history) {
        requireValues(new double[] {candidate}, 1, "candidate");
        requireValues(history, 2, "history");
        double mean = GeometricMean.meanLog(history);
        double sd = Math.sqrt(varianceLog(history, mean));
        int k = history.length;
        return new LogRatio(Math.log(candidate) - mean, sd * Math.sqrt(1 + 1.0 / k), k - 1);
    }

    /** The ratio itself, A / B. */
    public double estimate() {
        return Math.exp(logRatio);
    }

    /** A two-sided interval of A / B with this coverage, e.g. 0.95. */
    public Interval interval(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
        double half = standardError == 0 ? 0 : quantile(1 - (1 - confidence) / 2) * standardError;
        return new Interval(estimate(), Math.exp(logRatio - half), Math.exp(logRatio + half));
    }

    /**
     * One-sided p-value of "A / B is above {@code margin}": small when the data say the ratio
     * exceeds it, e.g. a regression of more than the threshold when {@code margin} is 1.10.
     */
    public double pAbove(double margin) {
        return upperTail((logRatio - Math.log(margin)));
    }

    /** One-sided p-value of "A / B is below {@code margin}". */
    public double pBelow(double margin) {
        return upperTail(Math.log(margin) - logRatio);
    }

    /** P(T &ge; distance / se) under no effect: the chance of a shift this large from noise alone. */
    private double upperTail(double distance) {
        if (standardError == 0) {
            return distance > 0 ? 0 : distance < 0 ? 1 : 0.5;
        }
        return 1 - distribution().cumulativeProbability(distance / standardError);
    }

    private double quantile(double p) {
        return distribution().inverseCumulativeProbability(p);
    }

    private TDistribution distribution() {
        // No random source is used: only the distribution's functions.
        return new TDistribution(null, degreesOfFreedom, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    private static double varianceLog(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            double d = Math.log(v) - mean;
            sum += d * d;
        }
        return sum / (values.length - 1);
    }

    private static void requireValues(double[] values, int least, String side) {
        if (values.length < least) {
            throw new IllegalArgumentException("side " + side + " has " + values.length + " values; at least "
                    + least + " are needed");
        }
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("side " + side + " has the value " + v
                        + ": a ratio needs positive, finite values");
            }
        }
    }
}
