package io.ipcbench.stats;

import java.util.Arrays;

/** Medians and quantiles of small samples. */
public final class Medians {
    private Medians() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count); the array is not changed. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted, sorted.length);
    }

    /** The median of the first {@code length} values of an array already sorted in that range. */
    public static double medianOfSorted(double[] sorted, int length) {
        int middle = length / 2;
        return length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /**
     * The {@code q} quantile of sorted values, interpolating linearly between order statistics
     * (Hyndman and Fan's type 7, the default of R and NumPy).
     */
    public static double quantileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the quantile of no values is undefined");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile " + q + " is outside [0, 1]");
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
