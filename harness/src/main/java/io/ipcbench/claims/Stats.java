package io.ipcbench.claims;

import java.util.SplittableRandom;

import io.ipcbench.stats.BootstrapRatio;
import io.ipcbench.stats.Medians;

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
        return Medians.median(values);
    }

    /**
     * A percentile-bootstrap interval of median(a) / median(b), each side resampled with
     * replacement on its own (the gate's {@link BootstrapRatio}, with {@code b} as the baseline).
     *
     * @throws IllegalArgumentException when a side is empty or median(b) is not positive
     */
    static Interval ratioOfMedians(double[] a, double[] b, double confidence, int resamples, long seed) {
        BootstrapRatio.Interval ratio = BootstrapRatio.ofMedians(b, a, confidence, resamples, new SplittableRandom(seed));
        return new Interval(ratio.estimate(), ratio.lower(), ratio.upper());
    }
}
