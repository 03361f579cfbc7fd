package io.ipcbench.export;

import java.util.Arrays;

import io.ipcbench.stats.Medians;

/**
 * One figure of a cell over its repetitions, as the exports give it: the median of the
 * repetitions' values, and an interval around it where there are enough repetitions.
 *
 * @param lower       the interval's lower end, or null with fewer than {@link #MIN_REPETITIONS_FOR_INTERVAL}
 * @param upper       its upper end, or null likewise
 * @param repetitions how many repetitions the figure rests on
 */
public record RepetitionFigure(double value, Double lower, Double upper, int repetitions) {
    /** Fewer repetitions than this give no interval: two values say nothing about the spread. */
    public static final int MIN_REPETITIONS_FOR_INTERVAL = 3;

    /** The figure from each repetition's value (at least one). */
    public static RepetitionFigure of(double[] perRepetition) {
        double[] interval = repetitionInterval(perRepetition);
        return new RepetitionFigure(Medians.median(perRepetition), interval == null ? null : interval[0],
                interval == null ? null : interval[1], perRepetition.length);
    }

    /**
     * The interval every export puts around a cell's figure, from its repetitions (a repetition is
     * a fresh peer process: the unit that varies from run to run). For now the smallest and the
     * largest repetition's value; this is the one place to make it a repetition-level confidence
     * interval.
     *
     * @return {lower, upper}, or null with fewer than {@link #MIN_REPETITIONS_FOR_INTERVAL} repetitions
     */
    static double[] repetitionInterval(double[] perRepetition) {
        if (perRepetition.length < MIN_REPETITIONS_FOR_INTERVAL) {
            return null;
        }
        return new double[] {Arrays.stream(perRepetition).min().orElseThrow(),
                Arrays.stream(perRepetition).max().orElseThrow()};
    }

    public boolean hasInterval() {
        return lower != null && upper != null;
    }
}
