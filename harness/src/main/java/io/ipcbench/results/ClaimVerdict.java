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
 * @param samples     how many samples the comparison rests on
 * @param repetitions how many repetitions of each cell
 * @param scope       sizes, connection counts, placement and kernel the verdict covers
 */
public record ClaimVerdict(String id, String claim, String verdict, String summary, List<String> figures,
                           long samples, int repetitions, String scope) {
    public static final String HOLDS = "holds";
    public static final String DOES_NOT_HOLD = "does not hold";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String NOT_MEASURED = "not measured";
}
