package io.ipcbench.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.ipcbench.command.Advice;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.stats.GeometricMean;
import io.ipcbench.stats.Medians;
import io.ipcbench.stats.MultipleComparisons;
import io.ipcbench.transport.TransportKind;

/**
 * shm-floor: "Shared memory is an order of magnitude below every kernel path." Each shared-memory
 * transport of the run, in each variant measured (its idle strategy: {@code shm-spin},
 * {@code shm-backoff}), against the fastest kernel transport at the same size, placement and engine,
 * on the round trip's p50 and p99, one connection. The fastest is the kernel transport with the
 * lowest geometric mean of that percentile over its repetitions, so the others are slower still.
 *
 * <p>"An order of magnitude" is a factor of 10 that each comparison's whole interval must clear
 * ({@link Magnitude.Bound#AT_LEAST}). A variant meets the claim when it does so at every size on
 * both percentiles; the claim holds when some variant meets it (with more than one measured, each
 * interval is widened by Bonferroni over the variants, since one is enough), does not hold when
 * none can, and is inconclusive otherwise. The variant that meets it is named, and beside every
 * comparison stands what a round trip cost in CPU on both sides: a spinning waiter buys its
 * latency with a CPU.
 */
final class ShmFloorClaim implements ClaimEvaluator {
    private static final Claim CLAIM = Claim.SHM_FLOOR;
    /** "An order of magnitude". */
    static final double FACTOR = 10;
    private static final List<Measure> METRICS = List.of(Measure.P50, Measure.P99);
    private static final Needs NEEDS = new Needs("latency cells of shm and of a kernel transport at the same size "
            + "and placement, with 1 connection", Advice.run("--transports", "shm,pipe,unix-stream"));

    @Override
    public Needs needs() {
        return NEEDS;
    }

    @Override
    public ClaimVerdict evaluate(Evidence evidence) {
        List<String> shared = transports(evidence, false);
        List<String> kernel = transports(evidence, true);
        double confidence = evidence.settings().confidence();
        String correction = null;
        if (shared.size() > 1) {
            confidence = MultipleComparisons.bonferroniConfidence(confidence, shared.size());
            correction = "Bonferroni over " + shared.size() + " variants, one of which is enough: each interval at "
                    + Text.percent(confidence);
        }
        Magnitude magnitude = new Magnitude(FACTOR, Magnitude.Bound.AT_LEAST, "the fastest kernel path");
        List<Part> parts = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        Set<CellGroup> used = new LinkedHashSet<>();
        List<String> meeting = new ArrayList<>();
        boolean anyUndecided = false;
        for (String name : shared) {
            List<Part> own = new ArrayList<>();
            for (CellGroup a : oneConnection(evidence, name)) {
                for (Measure metric : METRICS) {
                    CellGroup b = fastest(evidence, kernel, a, metric);
                    if (b == null) {
                        figures.add(name + " " + Text.size(a.size()) + ", placement " + a.placement()
                                + ": no kernel transport at the same size and placement to compare with");
                        continue;
                    }
                    used.add(a);
                    used.add(b);
                    String where = name + " " + metric.shortLabel() + " at " + Text.size(a.size()) + " against "
                            + b.transport() + (a.pinned() ? "" : ", unpinned");
                    own.add(magnitude.judge(Comparison.compare(evidence, a, b, metric, where, confidence), metric));
                    if (metric == Measure.P50) {
                        figures.add(cpuCost(evidence, a, b));
                    }
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            ClaimVerdict variant = Verdicts.combine(CLAIM, name + " against the fastest kernel path, "
                    + Text.ratio(FACTOR) + "x needed", own, Quantifier.EVERY, List.of(), "", null);
            summaries.add(variant.summary());
            figures.addAll(variant.figures());
            parts.addAll(own);
            if (ClaimVerdict.HOLDS.equals(variant.verdict())) {
                meeting.add(name);
            } else if (!ClaimVerdict.DOES_NOT_HOLD.equals(variant.verdict())) {
                anyUndecided = true;
            }
        }
        for (CellResult cell : evidence.failed(shared)) {
            if (cell.cellMode() == CellMode.LATENCY) {
                figures.add("not used: " + Evidence.cellName(cell) + " failed: " + cell.error());
            }
        }
        if (parts.isEmpty()) {
            return Verdicts.notMeasured(CLAIM, NEEDS.text(), figures, Scope.box(evidence));
        }
        Outcome outcome = !meeting.isEmpty() ? Outcome.HOLDS : anyUndecided ? Outcome.INCONCLUSIVE
                : Outcome.DOES_NOT_HOLD;
        String summary = String.join(" ", summaries) + switch (outcome) {
            case HOLDS -> " It holds with " + Text.list(meeting) + ".";
            case DOES_NOT_HOLD -> " No variant is " + Text.ratio(FACTOR) + "x below.";
            case INCONCLUSIVE -> " No variant is surely " + Text.ratio(FACTOR) + "x below, and not every one surely "
                    + "short of it.";
        } + (correction == null ? "" : " (" + correction + ".)");
        List<ClaimComparison> comparisons = parts.stream().map(Part::data).filter(Objects::nonNull).toList();
        return new ClaimVerdict(CLAIM.id(), CLAIM.text(), outcome.verdict(), summary, figures, Verdicts.samples(parts),
                Verdicts.repetitions(parts), Scope.of(used, evidence), comparisons, correction);
    }

    /** The transports of the run's cells (with their variants) whose data goes through the kernel, or does not. */
    private static List<String> transports(Evidence evidence, boolean kernelPath) {
        return evidence.cells().stream()
                .filter(c -> TransportKind.find(c.transport()).map(k -> k.kernelPath() == kernelPath).orElse(false))
                .map(CellResult::transportName).distinct().sorted().toList();
    }

    private static List<CellGroup> oneConnection(Evidence evidence, String transport) {
        return evidence.groups(transport, CellMode.LATENCY.label()).stream().filter(g -> g.connections() == 1).toList();
    }

    /** The kernel transports' group matching {@code a} with the lowest geometric mean of {@code metric}, or null. */
    private static CellGroup fastest(Evidence evidence, List<String> kernel, CellGroup a, Measure metric) {
        return kernel.stream().flatMap(k -> oneConnection(evidence, k).stream()).filter(a::matches)
                .filter(g -> evidence.repetitions(g, metric).size() > 0)
                .min(Comparator.comparingDouble(g -> GeometricMean.value(evidence.repetitions(g, metric).values())))
                .orElse(null);
    }

    /** "CPU per round trip at 64 B, placement 0,1 (median of the repetitions, both sides): shm-spin 1.93 µs, ...". */
    private static String cpuCost(Evidence evidence, CellGroup a, CellGroup b) {
        return "CPU per round trip at " + Text.size(a.size()) + ", placement " + a.placement() + " (median of the "
                + "repetitions, both sides): " + a.transport() + " " + cpuMicros(a) + ", " + b.transport() + " "
                + cpuMicros(b);
    }

    private static String cpuMicros(CellGroup group) {
        double[] values = group.cells().stream().filter(c -> c.cpuCost() != null
                && c.cpuCost().cpuMicrosPerMessage() != null).mapToDouble(c -> c.cpuCost().cpuMicrosPerMessage())
                .toArray();
        return values.length == 0 ? "not measured" : Text.nanos(Medians.median(values) * 1_000);
    }
}
