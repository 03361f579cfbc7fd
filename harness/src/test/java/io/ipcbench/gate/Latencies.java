package io.ipcbench.gate;

import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;

/**
 * A made-up but plausible round-trip latency distribution for tests: a log-normal body around
 * 10 µs and, for 3% of round trips, a stall of an exponentially distributed length (mean 20 µs),
 * so p99 sits in the stall tail the way it does on a real box.
 */
final class Latencies {
    static final double MEDIAN_NANOS = 10_000;

    private Latencies() {
    }

    /** One round trip, in nanoseconds, times {@code scale}. */
    static long next(SplittableRandom random, double scale) {
        double value = MEDIAN_NANOS * Math.exp(0.2 * random.nextGaussian());
        if (random.nextDouble() < 0.03) {
            value += -20_000 * Math.log(1 - random.nextDouble());
        }
        return Math.max(1, Math.round(value * scale));
    }

    /** An interval histogram of {@code count} round trips. */
    static Histogram interval(SplittableRandom random, int count, double scale) {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < count; i++) {
            histogram.recordValue(next(random, scale));
        }
        return histogram;
    }
}
