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

    /** The word used in run.json and claims.md. */
    String verdict() {
        return verdict;
    }
}
