package io.ipcbench.gate;

import java.util.Arrays;
import java.util.List;

import io.ipcbench.stats.LogRatio;
import io.ipcbench.stats.Medians;

/**
 * How far a candidate run's value of one cell lies from the baseline runs' values, as a ratio with
 * the spread that judges it. A run's value is the median of its repetitions' values: one
 * repetition that stalled (a peer descheduled for seconds) moves a median little and a mean a lot,
 * and a gate must not fail a build for one process's bad luck.
 *
 * <p>With at least {@link #RUNS_FOR_SPREAD} baseline runs the question is whether the candidate
 * lies outside the spread the baseline runs show from run to run ({@link LogRatio#againstHistory}):
 * on a small VM a whole run can land in another wake-up mode, every repetition with it, and only
 * earlier runs show how far that goes. With fewer, the run-to-run spread is unknown, and the
 * candidate's repetitions are compared with the baseline runs' repetitions pooled
 * ({@link LogRatio#welch}): that sees the spread between processes but takes a drift of the whole
 * box for a change.
 *
 * @param ratio          candidate over the baseline centre, with its standard error
 * @param basis          which spread judges it
 * @param candidate      the candidate run's value
 * @param centre         the baseline's centre: the geometric mean of its run values or, pooled, of its repetitions
 * @param low            the lowest baseline run value
 * @param high           the highest baseline run value
 * @param baselineRuns   baseline runs that hold the cell
 * @param baselineRepetitions their repetitions, all together
 */
record Shift(LogRatio ratio, Basis basis, double candidate, double centre, double low, double high,
                    int baselineRuns, int baselineRepetitions) {
    /** Baseline runs needed before their run-to-run spread is estimated (a spread of 2 is a guess). */
    public static final int RUNS_FOR_SPREAD = 3;

    /**
     * @param candidate the candidate's repetitions' values: at least 1 against {@value #RUNS_FOR_SPREAD}
     *                  or more baseline runs, else at least 2
     * @param baseline  each baseline run's repetitions' values, at least one run, each with at least 1 value
     */
    public static Shift of(double[] candidate, List<double[]> baseline) {
        double[] runValues = baseline.stream().mapToDouble(Shift::runValue).toArray();
        double candidateValue = runValue(candidate);
        int repetitions = baseline.stream().mapToInt(values -> values.length).sum();
        double low = Arrays.stream(runValues).min().orElseThrow();
        double high = Arrays.stream(runValues).max().orElseThrow();
        LogRatio ratio;
        Basis basis;
        if (baseline.size() >= RUNS_FOR_SPREAD) {
            ratio = LogRatio.againstHistory(candidateValue, runValues);
            basis = Basis.RUN_TO_RUN;
        } else {
            double[] pooled = baseline.stream().flatMapToDouble(Arrays::stream).toArray();
            ratio = LogRatio.welch(candidate, pooled);
            basis = Basis.REPETITIONS;
        }
        return new Shift(ratio, basis, candidateValue, candidateValue / ratio.estimate(), low, high, baseline.size(),
                repetitions);
    }

    /** One run's value of a cell: the median of its repetitions' values. */
    static double runValue(double[] repetitions) {
        return Medians.median(repetitions);
    }

    /** Candidate over centre, minus 1: 0.25 for +25%. */
    public double change() {
        return ratio.estimate() - 1;
    }
}
