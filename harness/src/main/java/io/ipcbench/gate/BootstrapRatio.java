package io.ipcbench.gate;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.ipcbench.stats.Medians;

/**
 * A percentile-bootstrap confidence interval of the ratio of medians, candidate over baseline:
 * each side is resampled with replacement, on its own, many times. A ratio rather than a
 * difference, so the interval reads as a change in percent whatever the latency's scale.
 */
public final class BootstrapRatio {
    private BootstrapRatio() {
    }

    /**
     * @param estimate the ratio of the samples' own medians
     * @param lower    lower end of the interval
     * @param upper    upper end of the interval
     */
    public record Interval(double estimate, double lower, double upper) {
    }

    /**
     * @param confidence two-sided coverage, e.g. 0.99
     * @param resamples  how many bootstrap resamples to draw
     * @param random     the source of resampling; seed it for results that can be reproduced
     */
    public static Interval ofMedians(double[] baseline, double[] candidate, double confidence, int resamples,
                                     SplittableRandom random) {
        if (baseline.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException("a bootstrap interval needs values on both sides");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed");
        }
        double baselineMedian = Medians.median(baseline);
        if (baselineMedian <= 0) {
            throw new IllegalArgumentException("the baseline median is not positive: a ratio is undefined");
        }
        double[] ratios = new double[resamples];
        double[] baselineScratch = new double[baseline.length];
        double[] candidateScratch = new double[candidate.length];
        int used = 0;
        for (int r = 0; r < resamples; r++) {
            double b = resampledMedian(baseline, baselineScratch, random);
            double c = resampledMedian(candidate, candidateScratch, random);
            if (b > 0) {
                ratios[used++] = c / b;
            }
        }
        double[] sorted = Arrays.copyOf(ratios, used);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new Interval(Medians.median(candidate) / baselineMedian,
                Medians.quantileOfSorted(sorted, tail), Medians.quantileOfSorted(sorted, 1 - tail));
    }

    private static double resampledMedian(double[] values, double[] scratch, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            scratch[i] = values[random.nextInt(values.length)];
        }
        Arrays.sort(scratch);
        return Medians.medianOfSorted(scratch, scratch.length);
    }
}
