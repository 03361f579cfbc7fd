package io.ipcbench.gate;

import java.util.Locale;
import java.util.SplittableRandom;


import io.ipcbench.stats.Medians;

/**
 * The decision for one cell, from two samples of per-interval percentiles. A change is significant
 * when the one-sided Mann-Whitney U test in its direction gives p &lt; alpha <em>and</em> the
 * one-sided 1 - alpha bootstrap bound of the ratio of medians (the near end of the two-sided
 * 1 - 2 alpha interval) is beyond 1; its size is the
 * ratio of medians. Significance and size must both pass: a significant change smaller than the
 * threshold is noise that matters to nobody, and a large change that is not significant is noise
 * that looks like news.
 */
public final class ChangeDecision {
    private ChangeDecision() {
    }

    /**
     * The decision and the figures behind it. Figures that could not be computed are null.
     *
     * @param baselineMedian  median of the baseline samples, null when it has none
     * @param candidateMedian median of the candidate samples, null when it has none
     * @param change          candidate median / baseline median - 1, e.g. 0.25 for +25%
     * @param ciLow           lower end of the bootstrap interval of the change (same scale)
     * @param ciHigh          upper end of the bootstrap interval of the change
     * @param pValue          one-sided Mann-Whitney p-value in the direction of the change
     * @param note            why, in a few words
     */
    public record Change(Verdict verdict, Double baselineMedian, Double candidateMedian, Double change,
                         Double ciLow, Double ciHigh, Double pValue, String note) {
    }

    /** Decides with a random source seeded by {@code seed}: the same inputs always give the same answer. */
    public static Change decide(double[] baseline, double[] candidate, GateSettings settings, long seed) {
        Double baselineMedian = baseline.length > 0 ? Medians.median(baseline) : null;
        Double candidateMedian = candidate.length > 0 ? Medians.median(candidate) : null;
        Double change = baselineMedian != null && candidateMedian != null && baselineMedian > 0
                ? candidateMedian / baselineMedian - 1 : null;
        if (baseline.length < settings.minSamples() || candidate.length < settings.minSamples()) {
            return new Change(Verdict.TOO_FEW_SAMPLES, baselineMedian, candidateMedian, change, null, null, null,
                    String.format(Locale.ROOT, "needs %d samples a side, has %d and %d", settings.minSamples(),
                            baseline.length, candidate.length));
        }
        if (change == null) {
            return new Change(Verdict.TOO_FEW_SAMPLES, baselineMedian, candidateMedian, null, null, null, null,
                    "the baseline median is 0: no ratio");
        }
        MannWhitneyU.Result test = MannWhitneyU.test(baseline, candidate);
        BootstrapRatio.Interval interval = BootstrapRatio.ofMedians(baseline, candidate, settings.confidence(),
                settings.resamples(), new SplittableRandom(seed));
        double p = change >= 0 ? test.pGreater() : test.pLess();
        // Both tests must agree: per-interval samples of a noisy box are bursty, and where the
        // rank test alone would call a burst a shift, the interval of the medians is still wide.
        boolean intervalExcludesNoChange = change >= 0 ? interval.lower() > 1 : interval.upper() < 1;
        boolean significant = p < settings.alpha() && intervalExcludesNoChange;
        boolean large = Math.abs(change) > settings.threshold();
        Verdict verdict;
        String note;
        if (significant && large) {
            verdict = change > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
            note = "significant and beyond " + percent(settings.threshold());
        } else {
            verdict = Verdict.NO_CHANGE;
            if (significant) {
                note = "significant but within " + percent(settings.threshold());
            } else if (large && p >= settings.alpha()) {
                note = String.format(Locale.ROOT, "not significant (p %.3g >= %s)", p, settings.alpha());
            } else if (large) {
                note = "not significant (the interval includes no change)";
            } else {
                note = "within noise";
            }
        }
        return new Change(verdict, baselineMedian, candidateMedian, change, interval.lower() - 1,
                interval.upper() - 1, p, note);
    }

    private static String percent(double fraction) {
        return "±" + Format.threshold(fraction);
    }
}
