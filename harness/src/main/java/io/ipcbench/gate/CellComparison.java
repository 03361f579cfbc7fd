package io.ipcbench.gate;

/**
 * One cell of the candidate judged against the baseline runs. Latencies in nanoseconds, changes as
 * fractions (0.25 for +25%); figures that could not be computed are null.
 *
 * @param key              {@link io.ipcbench.results.CellResult#key()}, e.g. {@code tcp/raw/64B/1c/latency}
 * @param basis            the spread the change was judged against; null when it was not judged
 * @param netOfCanary      whether it was judged net of the box canary (every repetition on both sides has one)
 * @param change           candidate value / baseline centre - 1, as measured
 * @param canaryChange     the box canary's change over the same repetitions; null without canaries
 * @param netChange        the change net of the canary's: (1 + change) / (1 + canaryChange) - 1; null without
 * @param intervalLow      lower end of the two-sided 1 - 2 alpha interval of the judged change (net when
 *                         {@code netOfCanary})
 * @param intervalHigh     upper end of that interval
 * @param pRegression      one-sided p-value of "the judged change is more than the threshold up"
 * @param pRegressionHolm  the same after Holm's correction over the judged cells
 * @param pImprovement     one-sided p-value of "the judged change is more than the threshold down"
 * @param pImprovementHolm the same after Holm's correction
 * @param note             why the verdict, in a few words
 */
public record CellComparison(String key, Verdict verdict, Basis basis, boolean netOfCanary, Candidate candidate,
                             Baseline baseline, Double change, Double canaryChange, Double netChange,
                             Double intervalLow, Double intervalHigh, Double pRegression, Double pRegressionHolm,
                             Double pImprovement, Double pImprovementHolm, String note) {

    /**
     * The candidate run's side.
     *
     * @param valueNs     the median of its repetitions' values; null without any
     * @param repetitions repetitions that defined the metric
     * @param canaryNs    the geometric mean of the canary around those repetitions; null without one
     */
    public record Candidate(Double valueNs, int repetitions, Double canaryNs) {
    }

    /**
     * The baseline runs' side.
     *
     * @param centreNs    the centre the candidate is compared with: the geometric mean of the run values (run to
     *                    run) or of the pooled repetitions (with fewer than 3 runs)
     * @param lowNs       the lowest baseline run value
     * @param highNs      the highest baseline run value
     * @param runs        baseline runs that hold the cell with enough repetitions
     * @param repetitions their repetitions, all together
     * @param canaryNs    the canary's centre over those runs, like {@code centreNs}; null without one
     */
    public record Baseline(Double centreNs, Double lowNs, Double highNs, int runs, int repetitions, Double canaryNs) {
    }

    /** The one-sided p-value in the direction of the judged change, or null. */
    public Double p() {
        return judgedChange() == null ? null : judgedChange() >= 0 ? pRegression : pImprovement;
    }

    /** Its Holm-corrected value, or null. */
    public Double pHolm() {
        return judgedChange() == null ? null : judgedChange() >= 0 ? pRegressionHolm : pImprovementHolm;
    }

    private Double judgedChange() {
        return netOfCanary ? netChange : change;
    }
}
