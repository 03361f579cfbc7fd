package io.ipcbench.claims;

import java.util.Map;

/**
 * One part of a claim's evidence: one comparison at one size and connection count, or one probe
 * result.
 *
 * @param outcome     what this part says
 * @param where       a few words naming the part in a breakdown, e.g. "p50 at 64 B"
 * @param reason      why it is inconclusive, in a few words; null otherwise
 * @param figure      the figure line behind it
 * @param samples     samples it rests on, by the group (or probe) they came from
 * @param repetitions repetitions of the cells it rests on
 * @param deciding    whether it counts towards the verdict, or only supports it
 * @param estimate    the ratio measured (A over B), or null when none was
 */
record Point(Outcome outcome, String where, String reason, String figure, Map<String, Long> samples,
             int repetitions, boolean deciding, Double estimate) {

    /** The same point, counted as supporting evidence only. */
    Point supporting() {
        return new Point(outcome, where, reason, figure, samples, repetitions, false, estimate);
    }
}
