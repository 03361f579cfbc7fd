package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two cell groups on one metric, as a claim that A beats B: a seeded bootstrap interval of
 * the ratio of their per-interval medians, A over B. The claim holds here when the whole interval
 * is on A's side of 1 (below for latencies, above for rates), fails when it is wholly on the other
 * side, and is inconclusive when it straddles 1, when a side has too few intervals, or when the
 * cells are unpinned with a single repetition (such a run lands in either CPU mode).
 */
final class Comparison {
    private Comparison() {
    }

    static final String UNPINNED = "unpinned, one repetition";
    static final String TOO_FEW = "too few intervals";
    static final String STRADDLES = "CI straddles 1";

    /**
     * @param where a few words naming this comparison in a breakdown, e.g. "p50 at 64 B"
     */
    static Point compare(Evidence evidence, CellGroup a, CellGroup b, Metric metric, String where) {
        ClaimSettings settings = evidence.settings();
        Samples sa = evidence.samples(a, metric);
        Samples sb = evidence.samples(b, metric);
        int repetitions = Math.min(a.repetitions(), b.repetitions());
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put(a.id() + "#" + metric.mode(), (long) sa.size());
        samples.put(b.id() + "#" + metric.mode(), (long) sb.size());

        String head = a.transport() + " / " + b.transport() + " " + metric.label();
        String context = Text.size(a.size()) + ", " + Text.connections(a.connections()) + ", placement "
                + a.placement() + ("raw".equals(a.engine()) ? "" : ", engine " + a.engine());
        List<String> notes = new ArrayList<>();
        notes.add(sa.size() + " and " + sb.size() + " intervals");
        notes.add(repetitions == 1 ? "1 repetition" : repetitions + " repetitions");
        if (sa.skipped() + sb.skipped() > 0) {
            notes.add((sa.skipped() + sb.skipped()) + " intervals too small for " + metric.shortLabel() + " left out");
        }
        notes.addAll(Verdicts.distinct(concat(sa.problems(), sb.problems())));

        if (sa.size() < settings.minIntervals() || sb.size() < settings.minIntervals()) {
            String figure = head + ", " + context + ": " + String.join("; ", notes) + ", need "
                    + settings.minIntervals() + " a side (run longer or with a shorter --interval): "
                    + Outcome.INCONCLUSIVE.verdict();
            return new Point(Outcome.INCONCLUSIVE, where, TOO_FEW, figure, samples, repetitions, true, null);
        }
        double medianA = Stats.median(sa.values());
        double medianB = Stats.median(sb.values());
        if (medianB <= 0) {
            String figure = head + ", " + context + ": the median of " + b.transport() + " is 0: "
                    + Outcome.INCONCLUSIVE.verdict();
            return new Point(Outcome.INCONCLUSIVE, where, "zero reference", figure, samples, repetitions, true, null);
        }
        long seed = settings.seed() * 1_000_003L + (a.id() + "|" + b.id() + "|" + metric).hashCode();
        Stats.Interval ci = Stats.ratioOfMedians(sa.values(), sb.values(), settings.confidence(), settings.resamples(),
                seed);
        boolean claimedSide = metric.higherIsBetter() ? ci.above1() : ci.below1();
        boolean otherSide = metric.higherIsBetter() ? ci.below1() : ci.above1();
        Outcome outcome;
        String reason = null;
        if (!a.pinned() && repetitions < 2) {
            outcome = Outcome.INCONCLUSIVE;
            reason = UNPINNED;
        } else if (claimedSide) {
            outcome = Outcome.HOLDS;
        } else if (otherSide) {
            outcome = Outcome.DOES_NOT_HOLD;
        } else {
            outcome = Outcome.INCONCLUSIVE;
            reason = STRADDLES;
        }
        String figure = head + " = " + Text.ratio(ci.estimate()) + ", "
                + Math.round(settings.confidence() * 100) + "% CI " + Text.range(ci.lower(), ci.upper()) + ", "
                + context + " (" + metric.format(medianA) + " vs " + metric.format(medianB) + "; "
                + String.join("; ", notes) + "): " + outcome.verdict() + (reason == null ? "" : " (" + reason
                + (UNPINNED.equals(reason) ? ": pin with --pin or repeat with --repetitions" : "") + ")");
        return new Point(outcome, where, reason, figure, samples, repetitions, true, ci.estimate());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
