package io.ipcbench.claims;

import io.ipcbench.results.ClaimVerdict;

/** The outcome of one part of a claim (one size, one connection count, one metric). */
enum Outcome {
    HOLDS(ClaimVerdict.HOLDS),
    DOES_NOT_HOLD(ClaimVerdict.DOES_NOT_HOLD),
    INCONCLUSIVE(ClaimVerdict.INCONCLUSIVE);

    private final String verdict;

    Outcome(String verdict) {
        this.verdict = verdict;
    }

    /** The outcome a verdict word names; NOT_MEASURED has none. */
    static Outcome valueOfVerdict(String verdict) {
        for (Outcome outcome : values()) {
            if (outcome.verdict.equals(verdict)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no outcome is called '" + verdict + "'");
    }

    /** The word used in run.json and claims.md. */
    String verdict() {
        return verdict;
    }
}
