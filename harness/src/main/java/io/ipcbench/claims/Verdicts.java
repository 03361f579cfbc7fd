package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.ipcbench.results.ClaimVerdict;

/** Adds the parts of a claim up to its verdict, and builds the verdicts that need no parts. */
final class Verdicts {
    private Verdicts() {
    }

    /** "not measured in this run: needs ...", with whatever figures explain what was there instead. */
    static ClaimVerdict notMeasured(Claim claim, String needs, List<String> figures, String scope) {
        return ClaimVerdict.ofCounts(claim.id(), claim.text(), ClaimVerdict.NOT_MEASURED,
                "not measured in this run: needs " + needs, figures, 0, 0, scope);
    }

    /**
     * Combines the deciding points: with {@link Quantifier#EVERY}, holds when every one holds and
     * does not hold when every one fails; with {@link Quantifier#SOME}, holds when any one holds and
     * does not hold when every one fails; otherwise inconclusive, with the breakdown.
     *
     * @param subject    what was compared, e.g. "unix-stream vs tcp round trip"
     * @param extra      figures after the points' own (failed cells, probe notes)
     * @param correction how the points' intervals were corrected for being many, in words; null if not
     */
    static ClaimVerdict combine(Claim claim, String subject, List<Part> points, Quantifier quantifier,
                                List<String> extra, String scope, String correction) {
        List<Part> deciding = points.stream().filter(Part::deciding).toList();
        if (deciding.isEmpty()) {
            throw new IllegalArgumentException("no deciding points for " + claim.id());
        }
        long holds = deciding.stream().filter(p -> p.outcome() == Outcome.HOLDS).count();
        long fails = deciding.stream().filter(p -> p.outcome() == Outcome.DOES_NOT_HOLD).count();
        Outcome outcome;
        if (fails == deciding.size()) {
            outcome = Outcome.DOES_NOT_HOLD;
        } else if (quantifier == Quantifier.EVERY ? holds == deciding.size() : holds > 0) {
            outcome = Outcome.HOLDS;
        } else {
            outcome = Outcome.INCONCLUSIVE;
        }
        String summary = subject + ": " + breakdown(deciding, outcome, quantifier)
                + (correction == null ? "" : " (" + correction + ")") + ".";
        List<String> figures = new ArrayList<>();
        points.forEach(p -> figures.add(p.figure() + (p.deciding() ? "" : " (supporting)")));
        figures.addAll(extra);
        return new ClaimVerdict(claim.id(), claim.text(), outcome.verdict(), summary, figures, samples(points),
                repetitions(points), scope, points.stream().map(Part::data).filter(d -> d != null).toList(),
                correction);
    }

    /** The same verdict with another outcome and summary, its figures and comparisons kept. */
    static ClaimVerdict overruled(ClaimVerdict verdict, Outcome outcome, String summary, List<String> moreFigures) {
        List<String> figures = new ArrayList<>(verdict.figures());
        figures.addAll(moreFigures);
        return new ClaimVerdict(verdict.id(), verdict.claim(), outcome.verdict(), summary, figures, verdict.samples(),
                verdict.repetitions(), verdict.scope(), verdict.comparisons(), verdict.correction());
    }

    /** "holds in all 4 comparisons (p50 at 64 B, ...)", or the count of each outcome. */
    private static String breakdown(List<Part> deciding, Outcome outcome, Quantifier quantifier) {
        int total = deciding.size();
        String of = total == 1 ? "the only comparison" : total == 2 ? "both comparisons" : "all " + total + " comparisons";
        if (outcome == Outcome.DOES_NOT_HOLD) {
            return "does not hold in " + of + " (" + wheres(deciding, Outcome.DOES_NOT_HOLD) + ")";
        }
        if (outcome == Outcome.HOLDS && quantifier == Quantifier.EVERY) {
            return "holds in " + of + " (" + wheres(deciding, Outcome.HOLDS) + ")";
        }
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            long n = deciding.stream().filter(p -> p.outcome() == o).count();
            if (n > 0) {
                parts.add(o.verdict() + " in " + n + " (" + wheres(deciding, o) + ")");
            }
        }
        String counted = String.join(", ", parts) + " of " + total + (total == 1 ? " comparison" : " comparisons");
        return outcome == Outcome.HOLDS ? counted + "; the claim needs only one" : counted;
    }

    /** "p50 at 64 B and p99 at 64 B", or by reason: "too few intervals: p50 at 64 B; CI straddles 1: ...". */
    private static String wheres(List<Part> points, Outcome outcome) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Part p : points) {
            if (p.outcome() == outcome) {
                byReason.computeIfAbsent(p.reason() == null ? "" : p.reason(), r -> new ArrayList<>()).add(p.where());
            }
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, items) -> parts.add(reason.isEmpty() ? Text.list(items)
                : reason + ": " + Text.list(items)));
        return String.join("; ", parts);
    }

    /** Samples of the distinct groups or probes the points rest on, each counted once. */
    static long samples(List<Part> points) {
        Map<String, Long> byGroup = new HashMap<>();
        for (Part p : points) {
            p.samples().forEach((group, n) -> byGroup.merge(group, n, Math::max));
        }
        return byGroup.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Repetitions of each cell, as the fewest any part rests on: the honest count. */
    static int repetitions(List<Part> points) {
        return points.stream().mapToInt(Part::repetitions).filter(n -> n > 0).min().orElse(0);
    }

    /** The distinct values, in first-seen order. */
    static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
