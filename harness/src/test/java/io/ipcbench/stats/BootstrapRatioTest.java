package io.ipcbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BootstrapRatioTest {
    private static double[] sample(long seed, int n, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * 100 * Math.exp(0.1 * random.nextGaussian());
        }
        return values;
    }

    @Test
    void sameSeedSameInterval() {
        double[] b = sample(1, 20, 1);
        double[] c = sample(2, 20, 1.2);
        BootstrapRatio.Interval first = BootstrapRatio.ofMedians(b, c, 0.99, 2_000, new SplittableRandom(7));
        BootstrapRatio.Interval second = BootstrapRatio.ofMedians(b, c, 0.99, 2_000, new SplittableRandom(7));
        assertEquals(first, second);
    }

    @Test
    void estimateIsTheRatioOfTheSampleMedians() {
        double[] b = {1, 2, 3, 4, 5};
        double[] c = {2, 4, 6, 8, 10};
        BootstrapRatio.Interval interval = BootstrapRatio.ofMedians(b, c, 0.95, 1_000, new SplittableRandom(1));
        assertEquals(2.0, interval.estimate(), 1e-12);
        assertTrue(interval.lower() <= 2.0 && interval.upper() >= 2.0, interval.toString());
    }

    @Test
    void coversTheTrueRatioAndExcludesOneForAClearShift() {
        BootstrapRatio.Interval interval = BootstrapRatio.ofMedians(sample(3, 30, 1), sample(4, 30, 1.5), 0.99,
                2_000, new SplittableRandom(1));
        assertTrue(interval.lower() > 1.0, interval.toString());
        assertTrue(interval.lower() < 1.5 && interval.upper() > 1.5, interval.toString());
    }

    @Test
    void includesOneWhenNothingChanged() {
        int covered = 0;
        for (int seed = 0; seed < 50; seed++) {
            BootstrapRatio.Interval interval = BootstrapRatio.ofMedians(sample(seed, 25, 1), sample(1_000 + seed, 25, 1),
                    0.95, 1_000, new SplittableRandom(seed));
            if (interval.lower() <= 1 && interval.upper() >= 1) {
                covered++;
            }
        }
        // A 95% interval misses about 2.5 in 50; the percentile bootstrap of a median runs a little narrow.
        assertTrue(covered >= 42, covered + " of 50 intervals covered 1");
    }

    @Test
    void rejectsWhatItCannotDo() {
        SplittableRandom random = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class,
                () -> BootstrapRatio.ofMedians(new double[0], new double[] {1}, 0.99, 1_000, random));
        assertThrows(IllegalArgumentException.class,
                () -> BootstrapRatio.ofMedians(new double[] {1}, new double[] {1}, 1.0, 1_000, random));
        assertThrows(IllegalArgumentException.class,
                () -> BootstrapRatio.ofMedians(new double[] {0, 0, 0}, new double[] {1}, 0.99, 1_000, random));
    }
}
