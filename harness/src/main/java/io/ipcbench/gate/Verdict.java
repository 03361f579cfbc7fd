package io.ipcbench.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the gate says about one cell. */
public enum Verdict {
    /** Significantly worse, and by more than the threshold. */
    REGRESSION("regression"),
    /** Significantly better, and by more than the threshold. */
    IMPROVEMENT("improvement"),
    /** Not significant, or within the threshold. */
    NO_CHANGE("no change"),
    /** Not enough per-interval samples on one side to decide: said, not guessed. */
    TOO_FEW_SAMPLES("too few samples");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
