package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipcbench.command.Advice;
import io.ipcbench.results.ClaimComparison;
import io.ipcbench.stats.GeometricMean;
import io.ipcbench.stats.LogRatio;
import io.ipcbench.stats.Medians;
import io.ipcbench.stats.Modes;

/**
 * Compares two cell groups on one metric, as a claim that A beats B. Each repetition (a fresh peer
 * process) of each group gives one value; the interval of the ratio A over B comes from
 * {@link LogRatio#welch}, so it widens when repetitions disagree. The part holds when the whole
 * interval is on A's side of 1 (below for latencies, above for rates), does not hold when it is
 * wholly on the other side, and is inconclusive when it straddles 1 or when a side has fewer
 * repetitions than {@link ClaimSettings#minRepetitions()}.
 */
final class Comparison {
    private Comparison() {
    }

    private static final String TOO_FEW = "needs ≥ 3 repetitions";
    static final String STRADDLES = "CI straddles 1";

    /**
     * @param where      a few words naming this comparison in a breakdown, e.g. "p50 at 64 B"
     * @param confidence the interval's coverage, already corrected when the claim needs only one of many
     */
    static Part compare(Evidence evidence, CellGroup a, CellGroup b, Measure metric, String where,
                         double confidence) {
        ClaimSettings settings = evidence.settings();
        Repetitions ra = evidence.repetitions(a, metric);
        Repetitions rb = evidence.repetitions(b, metric);
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put(a.id() + "#" + metric.mode(), (long) ra.size());
        samples.put(b.id() + "#" + metric.mode(), (long) rb.size());
        int repetitions = Math.min(ra.size(), rb.size());
        String modesA = Modes.describe(Modes.of(ra.values()), metric::format);
        String modesB = Modes.describe(Modes.of(rb.values()), metric::format);

        String head = a.transport() + " / " + b.transport() + " " + metric.label();
        String context = Text.size(a.size()) + ", " + Text.connections(a.connections()) + ", placement "
                + a.placement() + ("raw".equals(a.engine()) ? "" : ", engine " + a.engine());
        List<String> notes = new ArrayList<>();
        notes.add(ra.size() + " and " + rb.size() + " repetitions");
        notes.add(a.transport() + " " + spread(ra.values(), metric));
        notes.add(b.transport() + " " + spread(rb.values(), metric));
        if (modesA != null) {
            notes.add(a.transport() + " " + modesA);
        }
        if (modesB != null) {
            notes.add(b.transport() + " " + modesB);
        }
        notes.addAll(Verdicts.distinct(concat(ra.leftOut(), rb.leftOut())));

        if (ra.size() < settings.minRepetitions() || rb.size() < settings.minRepetitions()) {
            String reason = tooFew(settings);
            String figure = head + ", " + context + ": " + String.join("; ", notes) + ": "
                    + Outcome.INCONCLUSIVE.verdict() + " (" + reason + ": " + tooFewAdvice(settings, ra, rb) + ")";
            Double estimate = ra.size() > 0 && rb.size() > 0
                    ? GeometricMean.value(ra.values()) / GeometricMean.value(rb.values()) : null;
            return new Part(Outcome.INCONCLUSIVE, where, reason, figure, samples, repetitions, true, estimate,
                    data(a, b, metric, estimate, null, confidence, ra, rb, modesA, modesB, Outcome.INCONCLUSIVE,
                            reason));
        }
        LogRatio.Interval ci = LogRatio.welch(ra.values(), rb.values()).interval(confidence);
        boolean claimedSide = metric.higherIsBetter() ? ci.above1() : ci.below1();
        boolean otherSide = metric.higherIsBetter() ? ci.below1() : ci.above1();
        Outcome outcome = claimedSide ? Outcome.HOLDS : otherSide ? Outcome.DOES_NOT_HOLD : Outcome.INCONCLUSIVE;
        String reason = outcome == Outcome.INCONCLUSIVE ? STRADDLES : null;
        String figure = head + " = " + Text.ratio(ci.estimate()) + ", " + Text.percent(confidence) + " CI "
                + Text.range(ci.lower(), ci.upper()) + ", " + context + " (" + String.join("; ", notes) + "): "
                + outcome.verdict() + (reason == null ? "" : " (" + reason + ")");
        return new Part(outcome, where, reason, figure, samples, repetitions, true, ci.estimate(),
                data(a, b, metric, ci.estimate(), ci, confidence, ra, rb, modesA, modesB, outcome, reason));
    }

    /** Why a comparison with too few usable repetitions on a side is inconclusive. */
    static String tooFew(ClaimSettings settings) {
        return settings.minRepetitions() == ClaimSettings.DEFAULT_MIN_REPETITIONS ? TOO_FEW
                : "needs ≥ " + settings.minRepetitions() + " repetitions";
    }

    /**
     * What to do about too few: run more repetitions; or, where enough were measured but some could
     * not define the metric (a rate sweep that kept no rate within the budget, a cell with too few
     * round trips for its p99), say so, since asking for more repetitions would not be the answer.
     */
    static String tooFewAdvice(ClaimSettings settings, Repetitions a, Repetitions b) {
        int min = settings.minRepetitions();
        if (a.measured() >= min && b.measured() >= min) {
            return a.size() + " of " + a.measured() + " and " + b.size() + " of " + b.measured()
                    + " repetitions had a value; the others are left out, each with why";
        }
        return "run with " + Advice.repetitions(min).options() + " or more";
    }

    private static ClaimComparison data(CellGroup a, CellGroup b, Measure metric, Double estimate,
                                        LogRatio.Interval ci, double confidence, Repetitions ra, Repetitions rb,
                                        String modesA, String modesB, Outcome outcome, String reason) {
        return new ClaimComparison(metric.shortLabel(), a.transport(), b.transport(), a.engine(), a.size(),
                a.connections(), a.placement(), estimate, ci == null ? null : ci.lower(),
                ci == null ? null : ci.upper(), confidence, ra.size(), rb.size(), modesA, modesB, outcome.verdict(),
                reason, true);
    }

    /** "median 12.10 µs (11.90–13.00)": the repetitions' median and range. */
    private static String spread(double[] values, Measure metric) {
        if (values.length == 0) {
            return "none";
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return "median " + metric.format(Medians.median(sorted)) + " (" + metric.format(sorted[0])
                + "–" + metric.format(sorted[sorted.length - 1]) + ")";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
