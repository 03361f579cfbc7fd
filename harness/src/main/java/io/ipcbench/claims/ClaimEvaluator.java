package io.ipcbench.claims;

import io.ipcbench.results.ClaimVerdict;

/** Judges one claim from the evidence of a run. */
interface ClaimEvaluator {
    ClaimVerdict evaluate(Evidence evidence);
}
