package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.stats.MultipleComparisons;

/**
 * A claim that one transport (or each of a few) beats a reference transport: compared cell group by
 * cell group (same engine, mode, size, connections and placement), on each metric, and added up.
 * Six of the claims are this shape; they differ in the transports, metrics, connection counts
 * and quantifier, given to the constructor.
 */
final class PairwiseClaim implements ClaimEvaluator {
    private final Claim claim;
    private final List<String> challengers;
    private final String reference;
    private final List<Measure> deciding;
    private final List<Measure> supporting;
    private final IntPredicate connections;
    private final Quantifier quantifier;
    private final String subject;
    private final Needs needs;
    private PairNotes pairNotes = (a, b, evidence) -> List.of();
    private Magnitude magnitude;

    /**
     * @param challengers the transports claimed to be better
     * @param reference   the transport they are claimed to beat
     * @param deciding    metrics the verdict rests on
     * @param supporting  metrics shown beside them, not counted
     * @param connections which connection counts the claim is about
     * @param subject     what is compared, in a few words, e.g. "unix-stream vs tcp round trip"
     * @param needs       what a run must collect for this claim, for "not measured in this run: needs ..."
     */
    PairwiseClaim(Claim claim, List<String> challengers, String reference, List<Measure> deciding,
                  List<Measure> supporting, IntPredicate connections, Quantifier quantifier, String subject,
                  Needs needs) {
        this.claim = claim;
        this.challengers = List.copyOf(challengers);
        this.reference = reference;
        this.deciding = List.copyOf(deciding);
        this.supporting = List.copyOf(supporting);
        this.connections = connections;
        this.quantifier = quantifier;
        this.subject = subject;
        this.needs = needs;
    }

    /** Extra figure lines for a compared pair, from what the run offers. */
    @FunctionalInterface
    interface PairNotes {
        List<String> of(CellGroup challenger, CellGroup reference, Evidence evidence);
    }

    /** Extra figure lines for each compared pair (challenger group, reference group). */
    PairwiseClaim withPairNotes(PairNotes notes) {
        this.pairNotes = Objects.requireNonNull(notes);
        return this;
    }

    /** The claim also states a size ("by up to 3x"): tested, not just printed. */
    PairwiseClaim withMagnitude(double factor) {
        this.magnitude = new Magnitude(factor, Magnitude.Bound.UP_TO, subject);
        return this;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<Measure> metrics = new ArrayList<>(deciding);
        metrics.addAll(supporting);
        List<String> modes = Verdicts.distinct(metrics.stream().map(Measure::mode).toList());

        List<Pair> pairs = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Set<CellGroup> used = new LinkedHashSet<>();
        List<CellGroup> unmatchedReferences = new ArrayList<>();
        boolean manyPlacements = placements(evidence, modes).size() > 1;

        for (String mode : modes) {
            List<CellGroup> references = groups(evidence, reference, mode);
            Set<CellGroup> matchedReferences = new LinkedHashSet<>();
            for (String challenger : challengers) {
                for (CellGroup a : groups(evidence, challenger, mode)) {
                    CellGroup b = references.stream().filter(a::matches).findFirst().orElse(null);
                    if (b == null) {
                        extra.add(describe(a) + ": no " + reference + " cell at the same size, connections and "
                                + "placement to compare with");
                        continue;
                    }
                    matchedReferences.add(b);
                    used.add(a);
                    used.add(b);
                    for (Measure metric : metrics) {
                        if (metric.mode().equals(mode)) {
                            pairs.add(new Pair(a, b, metric, deciding.contains(metric)));
                        }
                    }
                    extra.addAll(pairNotes.of(a, b, evidence));
                }
            }
            references.stream().filter(b -> !matchedReferences.contains(b)).forEach(unmatchedReferences::add);
        }
        for (CellGroup b : unmatchedReferences) {
            extra.add(describe(b) + ": no " + String.join(" or ", challengers)
                    + " cell at the same size, connections and placement to compare with");
        }
        List<String> transports = new ArrayList<>(challengers);
        transports.add(reference);
        for (CellResult cell : evidence.failed(transports)) {
            if (modes.contains(cell.mode()) && connections.test(cell.connections())) {
                extra.add("not used: " + Evidence.cellName(cell) + " failed: " + cell.error());
            }
        }
        int decidingCount = (int) pairs.stream().filter(Pair::deciding).count();
        if (decidingCount == 0) {
            return Verdicts.notMeasured(claim, needs.text(), extra, Scope.box(evidence));
        }
        // "Holds somewhere" asks the same question of every comparison: each interval is widened so
        // that all of them hold together, or noise alone would find the one that holds.
        double confidence = evidence.settings().confidence();
        String correction = null;
        if (quantifier == Quantifier.SOME && decidingCount > 1) {
            confidence = MultipleComparisons.bonferroniConfidence(confidence, decidingCount);
            correction = "Bonferroni over " + decidingCount + " comparisons: each interval at "
                    + Text.percent(confidence);
        }
        List<Part> points = new ArrayList<>();
        for (Pair pair : pairs) {
            Part point = Comparison.compare(evidence, pair.a(), pair.b(), pair.metric(),
                    where(pair.a(), pair.metric(), manyPlacements), pair.deciding() ? confidence
                            : evidence.settings().confidence());
            points.add(pair.deciding() ? point : point.supporting());
        }
        List<Part> decidingPoints = points.stream().filter(Part::deciding).toList();
        ClaimVerdict verdict = Verdicts.combine(claim, subject, points, quantifier, extra, Scope.of(used, evidence),
                correction);
        return magnitude == null ? verdict : magnitude.test(verdict, decidingPoints, metrics.get(0));
    }

    @Override
    public Needs needs() {
        return needs;
    }

    /** A challenger group, its reference, and one metric to compare them on. */
    private record Pair(CellGroup a, CellGroup b, Measure metric, boolean deciding) {
    }

    private List<CellGroup> groups(Evidence evidence, String transport, String mode) {
        return evidence.groups(transport, mode).stream().filter(g -> connections.test(g.connections())).toList();
    }

    private Set<String> placements(Evidence evidence, List<String> modes) {
        Set<String> placements = new LinkedHashSet<>();
        for (String mode : modes) {
            groups(evidence, reference, mode).forEach(g -> placements.add(g.placement()));
            for (String challenger : challengers) {
                groups(evidence, challenger, mode).forEach(g -> placements.add(g.placement()));
            }
        }
        return placements;
    }

    /** "p50 at 64 B", "pipe throughput at 64 KiB", "round trips/s at 64 B with 8 connections". */
    private String where(CellGroup a, Measure metric, boolean manyPlacements) {
        StringBuilder text = new StringBuilder();
        if (challengers.size() > 1) {
            text.append(a.transport()).append(' ');
        }
        text.append(metric.shortLabel()).append(" at ").append(Text.size(a.size()));
        if (a.connections() != 1) {
            text.append(" with ").append(Text.connections(a.connections()));
        }
        if (manyPlacements) {
            text.append(", placement ").append(a.placement());
        }
        if (!"raw".equals(a.engine())) {
            text.append(", engine ").append(a.engine());
        }
        return text.toString();
    }

    private static String describe(CellGroup g) {
        return g.transport() + " " + g.mode() + " " + Text.size(g.size()) + ", " + Text.connections(g.connections())
                + ", placement " + g.placement() + ("raw".equals(g.engine()) ? "" : ", engine " + g.engine());
    }
}
