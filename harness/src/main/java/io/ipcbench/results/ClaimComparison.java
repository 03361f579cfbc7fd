package io.ipcbench.results;

/**
 * One comparison behind a claim's verdict, as data: one transport against a reference on one
 * metric, at one size, connection count, placement and engine. Read by the report's forest plot
 * and by anyone who wants the figures rather than the sentence.
 *
 * @param metric               {@code p50}, {@code p99}, {@code round trips/s} or {@code throughput}
 * @param transport            the transport the claim is about
 * @param reference            the transport it is compared with
 * @param ratio                transport / reference, the ratio of the geometric means of their repetitions' values;
 *                             null when it could not be computed
 * @param ciLow                lower end of the interval of the ratio; null without one
 * @param ciHigh               upper end
 * @param confidence           the interval's two-sided coverage, after any correction for multiple comparisons
 * @param repetitions          repetitions of the transport's cell used
 * @param referenceRepetitions repetitions of the reference's cell used
 * @param modes                the transport's repetitions in separate modes, in words; null when they are one mode
 * @param referenceModes       the same for the reference
 * @param verdict              {@link ClaimVerdict#HOLDS}, {@link ClaimVerdict#DOES_NOT_HOLD} or
 *                             {@link ClaimVerdict#INCONCLUSIVE}
 * @param reason               why inconclusive, in a few words; null otherwise
 * @param deciding             whether it counts towards the verdict (false: shown beside it)
 */
public record ClaimComparison(String metric, String transport, String reference, String engine, int size,
                              int connections, String placement, Double ratio, Double ciLow, Double ciHigh,
                              double confidence, int repetitions, int referenceRepetitions, String modes,
                              String referenceModes, String verdict, String reason, boolean deciding) {
}
