package io.ipcbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The geometric mean, exp of the mean logarithm: the centre of positive values that change by
 * factors (latencies, rates), and the centre whose ratios {@link LogRatio} estimates. With its
 * Student's t interval on the log scale, it is the one-cell counterpart of {@link LogRatio}, and
 * the figure the exports give (a dashboard then shows the centre and spread that the claims and the
 * gate compare).
 *
 * @param estimate    the geometric mean
 * @param lower       lower end of the interval; null with fewer than 2 values
 * @param upper       upper end of the interval; null with fewer than 2 values
 * @param repetitions how many values it rests on
 */
public record GeometricMean(double estimate, Double lower, Double upper, int repetitions) {

    /** The geometric mean of positive values; at least one is needed. */
    public static double value(double[] values) {
        return values.length == 1 ? values[0] : Math.exp(meanLog(values)); // one value exactly, not exp(log(it))
    }

    /** The mean of the values' natural logarithms; at least one positive, finite value is needed. */
    public static double meanLog(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the geometric mean of no values is undefined");
        }
        double sum = 0;
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a geometric mean needs positive, finite values, not " + v);
            }
            sum += Math.log(v);
        }
        return sum / values.length;
    }

    /**
     * The geometric mean with its two-sided interval.
     *
     * @param values     one positive value per repetition, at least one
     * @param confidence two-sided coverage of the interval, e.g. 0.95
     */
    public static GeometricMean withInterval(double[] values, double confidence) {
        double mean = meanLog(values);
        if (values.length < 2) {
            return new GeometricMean(values[0], null, null, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (Math.log(v) - mean) * (Math.log(v) - mean);
        }
        double standardError = Math.sqrt(squares / (values.length - 1) / values.length);
        double t = new TDistribution(null, values.length - 1, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                .inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new GeometricMean(Math.exp(mean), Math.exp(mean - t * standardError),
                Math.exp(mean + t * standardError), values.length);
    }
}
