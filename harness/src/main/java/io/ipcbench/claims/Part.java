package io.ipcbench.claims;

import java.util.Map;

import io.ipcbench.results.ClaimComparison;

/**
 * One part of a claim's evidence: one comparison at one size and connection count, or one probe
 * result.
 *
 * @param outcome     what this part says
 * @param where       a few words naming the part in a breakdown, e.g. "p50 at 64 B"
 * @param reason      why it is inconclusive, in a few words; null otherwise
 * @param figure      the figure line behind it
 * @param samples     what it rests on, counted, by the group (or probe) it came from
 * @param repetitions the fewer repetitions of its two sides
 * @param deciding    whether it counts towards the verdict, or only supports it
 * @param estimate    the ratio measured (A over B), or null when none was
 * @param data        the comparison as data, for run.json; null for a probe's part
 */
record Part(Outcome outcome, String where, String reason, String figure, Map<String, Long> samples,
             int repetitions, boolean deciding, Double estimate, ClaimComparison data) {

    /** The same point, counted as supporting evidence only. */
    Part supporting() {
        ClaimComparison d = data == null ? null : new ClaimComparison(data.metric(), data.transport(),
                data.reference(), data.engine(), data.size(), data.connections(), data.placement(), data.ratio(),
                data.ciLow(), data.ciHigh(), data.confidence(), data.repetitions(), data.referenceRepetitions(),
                data.modes(), data.referenceModes(), data.verdict(), data.reason(), false);
        return new Part(outcome, where, reason, figure, samples, repetitions, false, estimate, d);
    }

    /** The same point with another outcome and reason, e.g. when a magnitude the claim states is not met. */
    Part withOutcome(Outcome newOutcome, String newReason, String newFigure) {
        ClaimComparison d = data == null ? null : new ClaimComparison(data.metric(), data.transport(),
                data.reference(), data.engine(), data.size(), data.connections(), data.placement(), data.ratio(),
                data.ciLow(), data.ciHigh(), data.confidence(), data.repetitions(), data.referenceRepetitions(),
                data.modes(), data.referenceModes(), newOutcome.verdict(), newReason, data.deciding());
        return new Part(newOutcome, where, newReason, newFigure, samples, repetitions, deciding, estimate, d);
    }
}
