package io.ipcbench.results;

import java.util.List;

/**
 * A verdict on one of the well-known claims, with the evidence it rests on.
 *
 * @param id          the claim's id, e.g. {@code uds-latency}
 * @param claim       the claim in words
 * @param verdict     {@link #HOLDS}, {@link #DOES_NOT_HOLD}, {@link #INCONCLUSIVE} or {@link #NOT_MEASURED}
 * @param summary     one sentence: why this verdict
 * @param figures     the figures behind it, one line each (e.g. "unix-stream / tcp p50 = 0.62, 95% CI 0.58–0.66, 64 B, 1c")
 * @param samples     what the verdict rests on, counted: cells (one per repetition) for comparisons,
 *                    messages or transfers for probes
 * @param repetitions the fewest repetitions any of its comparisons rests on
 * @param scope       sizes, connection counts, placement and kernel the verdict covers
 * @param comparisons the comparisons behind it, as data; empty for a verdict that rests on counts or probes
 * @param correction  how its comparisons were corrected for being many, in words; null when they were not
 */
public record ClaimVerdict(String id, String claim, String verdict, String summary, List<String> figures,
                           long samples, int repetitions, String scope, List<ClaimComparison> comparisons,
                           String correction) {
    public static final String HOLDS = "holds";
    public static final String DOES_NOT_HOLD = "does not hold";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String NOT_MEASURED = "not measured";

    public ClaimVerdict {
        figures = figures == null ? List.of() : List.copyOf(figures);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /** A verdict that rests on counts or probes, with no comparisons. */
    public static ClaimVerdict ofCounts(String id, String claim, String verdict, String summary, List<String> figures,
                                        long samples, int repetitions, String scope) {
        return new ClaimVerdict(id, claim, verdict, summary, figures, samples, repetitions, scope, List.of(), null);
    }
}
