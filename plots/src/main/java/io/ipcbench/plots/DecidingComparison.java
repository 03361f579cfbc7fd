package io.ipcbench.plots;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;

/**
 * The one comparison a claim's summary line shows: of those that count towards its verdict, the
 * one that carries the verdict most weakly. A claim about every size holds only as surely as its
 * weakest comparison, so that is the ratio a reader should see first; a stronger one would
 * overstate the case.
 */
final class DecidingComparison {
    /** The rule in words, for the report. */
    static final String RULE = "The ratio on each line is the deciding comparison nearest 1: of the comparisons that "
            + "count towards the verdict and agree with it, the one whose interval ends nearest 1 (an interval "
            + "across 1 is at 0), then whose ratio is nearest 1. It is the comparison that carries the verdict most "
            + "weakly. When none agrees (a verdict set by the size a claim states), it is the deciding comparison "
            + "nearest 1.";

    /** Nearest 1 first: by the end of the interval nearest 1, on a log scale, then by the ratio itself. */
    private static final Comparator<ClaimComparison> NEAREST_ONE = Comparator
            .comparingDouble(DecidingComparison::intervalDistance)
            .thenComparingDouble(c -> Math.abs(Math.log(c.ratio())));

    private DecidingComparison() {
    }

    /** The comparison the summary line shows; empty for a claim that rests on counts or probes, or on no ratio. */
    static Optional<ClaimComparison> of(ClaimVerdict claim) {
        List<ClaimComparison> deciding = claim.comparisons().stream()
                .filter(ClaimComparison::deciding).filter(c -> c.ratio() != null).toList();
        List<ClaimComparison> agreeing = deciding.stream().filter(c -> claim.verdict().equals(c.verdict())).toList();
        return (agreeing.isEmpty() ? deciding : agreeing).stream().min(NEAREST_ONE);
    }

    /** How far the interval stays from 1, in log units: 0 when it reaches across 1, or has no interval. */
    static double intervalDistance(ClaimComparison c) {
        if (c.ciLow() == null || c.ciHigh() == null || (c.ciLow() <= 1 && c.ciHigh() >= 1)) {
            return 0;
        }
        return Math.min(Math.abs(Math.log(c.ciLow())), Math.abs(Math.log(c.ciHigh())));
    }
}
