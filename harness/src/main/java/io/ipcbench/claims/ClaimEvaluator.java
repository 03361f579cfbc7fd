package io.ipcbench.claims;

import io.ipcbench.results.ClaimVerdict;

/** Judges one claim from the evidence of a run. */
interface ClaimEvaluator {
    ClaimVerdict evaluate(Evidence evidence);

    /** What a run must collect for this claim, said when it did not: "not measured in this run: needs ...". */
    Needs needs();
}
