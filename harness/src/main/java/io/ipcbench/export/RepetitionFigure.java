package io.ipcbench.export;

import java.util.Arrays;

import io.ipcbench.stats.GeometricMean;
import io.ipcbench.stats.Medians;

/**
 * One figure of a cell over its repetitions, as the exports give it: the geometric mean of the
 * repetitions' values, and its 95% interval where there are enough repetitions. A repetition is a
 * fresh peer process, the unit that varies from run to run; the claims and the gate compare the
 * same geometric means ({@link io.ipcbench.stats}). A figure that can be zero (the CPU time of a
 * short cell, counted in 10 ms ticks) has no geometric mean: it is given as the median, with the
 * lowest and highest repetition as its range.
 *
 * @param lower       the interval's lower end, or null with fewer than {@link #MIN_REPETITIONS_FOR_INTERVAL}
 * @param upper       its upper end, or null likewise
 * @param repetitions how many repetitions the figure rests on
 */
public record RepetitionFigure(double value, Double lower, Double upper, int repetitions) {
    /** Fewer repetitions than this give no interval: two values say little about the spread. */
    public static final int MIN_REPETITIONS_FOR_INTERVAL = 3;
    /** The interval's two-sided coverage. */
    public static final double CONFIDENCE = 0.95;

    /** The figure from each repetition's value (at least one, all positive). */
    public static RepetitionFigure of(double[] perRepetition) {
        boolean interval = perRepetition.length >= MIN_REPETITIONS_FOR_INTERVAL;
        if (Arrays.stream(perRepetition).allMatch(v -> v > 0)) {
            GeometricMean mean = GeometricMean.withInterval(perRepetition, CONFIDENCE);
            return new RepetitionFigure(mean.estimate(), interval ? mean.lower() : null,
                    interval ? mean.upper() : null, perRepetition.length);
        }
        return new RepetitionFigure(Medians.median(perRepetition),
                interval ? Arrays.stream(perRepetition).min().orElseThrow() : null,
                interval ? Arrays.stream(perRepetition).max().orElseThrow() : null, perRepetition.length);
    }

    public boolean hasInterval() {
        return lower != null && upper != null;
    }
}
