package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.SummaryTable;

/**
 * The forest plot of one run's claims, as data: one row per comparison behind any claim, its ratio
 * and interval against a line at 1, coloured by its own verdict. Drawn by {@link ForestPlotSvg}.
 *
 * @param run         the run's label, for a report of several runs
 * @param rows        claim by claim, each claim's comparisons in the order it lists them
 * @param corrections claim id to how its intervals were corrected for being many, for the claims that were
 */
record ForestPlot(String run, List<Row> rows, Map<String, String> corrections) {
    /** The axis reaches no further than this factor either side of 1; longer intervals are cut and marked. */
    static final double LIMIT = 100;

    ForestPlot {
        rows = List.copyOf(rows);
        // Kept in claim order, for the caption.
        corrections = Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
    }

    /**
     * One comparison.
     *
     * @param what         "unix-stream / tcp p50 at 64 B, 1c": the comparison without its claim
     * @param verdictClass the CSS class of its verdict: holds, fails or inconclusive
     */
    record Row(String claimId, String what, ClaimComparison comparison, String verdictClass) {
        /** "uds-latency: unix-stream / tcp p50 at 64 B, 1c". */
        String label() {
            return claimId + ": " + what;
        }
    }

    /** The forest of a run's claims; it has no rows when no claim rests on a comparison. */
    static ForestPlot of(String run, List<ClaimVerdict> claims) {
        List<Row> rows = new ArrayList<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        boolean placements = claims.stream().flatMap(c -> c.comparisons().stream()).map(ClaimComparison::placement)
                .distinct().count() > 1;
        for (ClaimVerdict claim : claims) {
            for (ClaimComparison comparison : claim.comparisons()) {
                rows.add(new Row(claim.id(), describe(comparison, placements), comparison,
                        ClaimsSection.verdictClass(comparison.verdict())));
            }
            if (claim.correction() != null && !claim.comparisons().isEmpty()) {
                corrections.put(claim.id(), claim.correction());
            }
        }
        return new ForestPlot(run, rows, corrections);
    }

    /** "unix-stream / tcp p50 at 64 B, 1c", with the engine when not raw and the placement when it varies. */
    static String describe(ClaimComparison c, boolean withPlacement) {
        StringBuilder text = new StringBuilder(c.transport()).append(" / ").append(c.reference()).append(' ')
                .append(c.metric()).append(" at ").append(SummaryTable.size(c.size())).append(", ")
                .append(c.connections()).append('c');
        if (c.engine() != null && !RunConfig.ENGINE_RAW.equals(c.engine())) {
            text.append(", ").append(c.engine());
        }
        if (withPlacement) {
            text.append(", placement ").append(c.placement());
        }
        return text.toString();
    }

    /** The row of a comparison, or null when it is not in this plot. */
    Row row(ClaimComparison comparison) {
        return rows.stream().filter(r -> r.comparison().equals(comparison)).findFirst().orElse(null);
    }

    /** Whether there is anything to draw: a comparison with a ratio. */
    boolean drawable() {
        return rows.stream().anyMatch(r -> r.comparison().ratio() != null);
    }

    /** The lowest and highest ratio or interval end, with 1 always inside, within {@link #LIMIT} of 1. */
    double[] range() {
        double low = 1;
        double high = 1;
        for (Row row : rows) {
            ClaimComparison c = row.comparison();
            for (Double value : new Double[] {c.ratio(), c.ciLow(), c.ciHigh()}) {
                if (value != null && value > 0 && Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        return new double[] {Math.max(low, 1 / LIMIT), Math.min(high, LIMIT)};
    }
}
