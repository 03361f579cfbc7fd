package io.ipcbench.claims;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Medians, quantiles and the bootstrap interval of a ratio of medians, for small samples. */
final class Stats {
    private Stats() {
    }

    /**
     * A ratio of medians, A over B, with its bootstrap interval.
     *
     * @param estimate the ratio of the samples' own medians
     */
    record Interval(double estimate, double lower, double upper) {
        /** Whether the whole interval lies below 1 (strictly: touching 1 is not below it). */
        boolean below1() {
            return upper < 1;
        }

        boolean above1() {
            return lower > 1;
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    static double medianOfSorted(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /** The {@code q} quantile of sorted values, linear between order statistics (R's and NumPy's default). */
    static double quantileOfSorted(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * A percentile-bootstrap interval of median(a) / median(b): each side resampled with
     * replacement on its own. A ratio rather than a difference, so it reads the same at 2 µs and at
     * 2 ms.
     *
     * @throws IllegalArgumentException when a side is empty or median(b) is not positive
     */
    static Interval ratioOfMedians(double[] a, double[] b, double confidence, int resamples, long seed) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("a ratio of medians needs values on both sides");
        }
        double medianB = median(b);
        if (medianB <= 0) {
            throw new IllegalArgumentException("the median of the reference is not positive");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] scratchA = new double[a.length];
        double[] scratchB = new double[b.length];
        int used = 0;
        for (int r = 0; r < resamples; r++) {
            double resampledA = resampledMedian(a, scratchA, random);
            double resampledB = resampledMedian(b, scratchB, random);
            if (resampledB > 0) {
                ratios[used++] = resampledA / resampledB;
            }
        }
        double[] sorted = Arrays.copyOf(ratios, used);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new Interval(median(a) / medianB, quantileOfSorted(sorted, tail), quantileOfSorted(sorted, 1 - tail));
    }

    private static double resampledMedian(double[] values, double[] scratch, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            scratch[i] = values[random.nextInt(values.length)];
        }
        Arrays.sort(scratch);
        return medianOfSorted(scratch);
    }
}
