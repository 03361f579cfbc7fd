package io.ipcbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class LogRatioTest {
    private static final int SEEDS = 400;
    private static final int INTERVALS = 10;

    /**
     * One repetition's value: the median of its intervals, each log-normal around {@code median}
     * with 20% spread, independent of every other interval: the case where the model's assumptions hold.
     */
    private static double repetition(SplittableRandom random, double median) {
        double[] intervals = new double[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            intervals[i] = median * Math.exp(0.2 * random.nextGaussian());
        }
        return Medians.median(intervals);
    }

    private static double[] repetitions(SplittableRandom random, int n, double median) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = repetition(random, median);
        }
        return values;
    }

    @ParameterizedTest(name = "{0} repetitions a side")
    @ValueSource(ints = {3, 5, 10})
    void aNinetyFivePercentIntervalCoversTheTrueRatioInAtLeastNinetyThreePercentOfSeeds(int n) {
        double trueRatio = 1.3;
        int covered = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] a = repetitions(random, n, 130);
            double[] b = repetitions(random, n, 100);
            LogRatio.Interval interval = LogRatio.welch(a, b).interval(0.95);
            if (interval.lower() <= trueRatio && trueRatio <= interval.upper()) {
                covered++;
            }
        }
        assertTrue(covered >= 0.93 * SEEDS, covered + " of " + SEEDS + " intervals covered the true ratio");
        assertTrue(covered <= 0.99 * SEEDS, covered + " of " + SEEDS + ": far wider than 95% is as wrong");
    }

    /**
     * The repetitions of the issue that made this class: tcp and unix-stream p50 per repetition
     * (µs) on one box, each process in its own wake-up mode, intervals within a process tight.
     */
    private static final double[] TCP = {33.2, 32.7, 28.4, 27.5, 27.6, 27.2};
    private static final double[] UNIX = {30.3, 30.4, 34.4, 29.4, 33.5, 33.4};

    private static double[] intervalsOf(double[] repetitionValues, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] pooled = new double[repetitionValues.length * INTERVALS];
        for (int r = 0; r < repetitionValues.length; r++) {
            for (int i = 0; i < INTERVALS; i++) {
                pooled[r * INTERVALS + i] = repetitionValues[r] * Math.exp(0.01 * random.nextGaussian());
            }
        }
        return pooled;
    }

    @Test
    void whenRepetitionsSitInSeparateModesTheIntervalStraddlesOneWherePoolingIntervalsDidNot() {
        double[] unixIntervals = intervalsOf(UNIX, 1);
        double[] tcpIntervals = intervalsOf(TCP, 2);
        // What the claims did before: every interval an independent draw, pooled over repetitions.
        double[] pooled = pooledBootstrapOfMedians(unixIntervals, tcpIntervals, 0.95, new SplittableRandom(3));
        assertTrue(pooled[0] > 1, "the pooled interval " + Arrays.toString(pooled) + " should exclude 1 (its flaw)");

        double[] unixRepetitions = perRepetitionMedians(unixIntervals);
        double[] tcpRepetitions = perRepetitionMedians(tcpIntervals);
        LogRatio.Interval interval = LogRatio.welch(unixRepetitions, tcpRepetitions).interval(0.95);
        assertTrue(interval.lower() < 1 && interval.upper() > 1, interval.toString());
    }

    @Test
    void theIntervalWidensWhenRepetitionsDisagree() {
        double[] agree = {10.0, 10.1, 9.9, 10.05};
        double[] disagree = {10.0, 13.0, 8.0, 11.0};
        double[] reference = {12.0, 12.1, 11.9, 12.05};
        LogRatio.Interval narrow = LogRatio.welch(agree, reference).interval(0.95);
        LogRatio.Interval wide = LogRatio.welch(disagree, reference).interval(0.95);
        assertTrue(wide.upper() / wide.lower() > 3 * (narrow.upper() / narrow.lower()) - 2,
                narrow + " vs " + wide);
        assertTrue(narrow.below1(), narrow.toString());
        assertFalse(wide.below1(), wide.toString());
    }

    @Test
    void theEstimateIsTheRatioOfGeometricMeans() {
        LogRatio ratio = LogRatio.welch(new double[] {2, 8}, new double[] {1, 4});
        assertEquals(2.0, ratio.estimate(), 1e-12);
        LogRatio.Interval interval = ratio.interval(0.95);
        assertTrue(interval.lower() <= 2 && interval.upper() >= 2, interval.toString());
    }

    @Test
    void identicalValuesGiveAPointAndCertainTests() {
        LogRatio ratio = LogRatio.welch(new double[] {3, 3, 3}, new double[] {2, 2, 2});
        assertEquals(1.5, ratio.interval(0.99).lower(), 1e-12);
        assertEquals(1.5, ratio.interval(0.99).upper(), 1e-12);
        assertEquals(0.0, ratio.pAbove(1.1));
        assertEquals(1.0, ratio.pAbove(1.6));
    }

    @Test
    void pValuesAgreeWithTheInterval() {
        SplittableRandom random = new SplittableRandom(5);
        LogRatio ratio = LogRatio.welch(repetitions(random, 5, 120), repetitions(random, 5, 100));
        LogRatio.Interval interval = ratio.interval(0.90);
        // The lower end of a two-sided 90% interval is the 95% one-sided bound.
        assertEquals(0.05, ratio.pAbove(interval.lower()), 1e-6);
        assertEquals(0.05, ratio.pBelow(interval.upper()), 1e-6);
    }

    @Test
    void aNewRunOutsideTheHistorysSpreadIsRareUnderNoChange() {
        int flagged = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            // Each run's value: its own run-level shift (the box's mode for that run) times noise.
            double[] history = new double[6];
            for (int i = 0; i < history.length; i++) {
                history[i] = 100 * Math.exp(0.15 * random.nextGaussian());
            }
            double candidate = 100 * Math.exp(0.15 * random.nextGaussian());
            if (LogRatio.againstHistory(candidate, history).pAbove(1.0) < 0.05) {
                flagged++;
            }
        }
        // One-sided 5%: about 20 of 400.
        assertTrue(flagged >= 8 && flagged <= 34, flagged + " of " + SEEDS);
    }

    @Test
    void aClearShiftAgainstAQuietHistoryIsSeen() {
        double[] history = {100, 103, 98, 101, 99};
        LogRatio ratio = LogRatio.againstHistory(170, history);
        assertTrue(ratio.pAbove(1.10) < 0.001, "p " + ratio.pAbove(1.10));
        assertTrue(LogRatio.againstHistory(104, history).pAbove(1.10) > 0.5);
    }

    @Test
    void refusesWhatItCannotEstimate() {
        assertThrows(IllegalArgumentException.class, () -> LogRatio.welch(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> LogRatio.welch(new double[] {0, 1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> LogRatio.againstHistory(1, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> LogRatio.welch(new double[] {1, 2}, new double[] {1, 2}).interval(1.0));
    }

    private static double[] perRepetitionMedians(double[] pooled) {
        double[] values = new double[pooled.length / INTERVALS];
        for (int r = 0; r < values.length; r++) {
            values[r] = Medians.median(Arrays.copyOfRange(pooled, r * INTERVALS, (r + 1) * INTERVALS));
        }
        return values;
    }

    /** The earlier method, kept here to show its flaw: a percentile bootstrap of pooled interval values. */
    private static double[] pooledBootstrapOfMedians(double[] a, double[] b, double confidence,
                                                     SplittableRandom random) {
        int resamples = 2_000;
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            ratios[r] = resampledMedian(a, random) / resampledMedian(b, random);
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new double[] {Medians.quantileOfSorted(ratios, tail), Medians.quantileOfSorted(ratios, 1 - tail)};
    }

    private static double resampledMedian(double[] values, SplittableRandom random) {
        double[] draw = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            draw[i] = values[random.nextInt(values.length)];
        }
        return Medians.median(draw);
    }
}
