package io.ipcbench.stats;

/**
 * The geometric mean, exp of the mean logarithm: the centre of positive values that change by
 * factors (latencies, rates), and the centre whose ratios {@link LogRatio} estimates.
 */
public final class GeometricMean {
    private GeometricMean() {
    }

    /** The geometric mean of positive values; at least one is needed. */
    public static double of(double[] values) {
        return Math.exp(meanLog(values));
    }

    /** The mean of the values' natural logarithms. */
    public static double meanLog(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the geometric mean of no values is undefined");
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.log(v);
        }
        return sum / values.length;
    }
}
