package io.ipcbench.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the gate says about one cell. */
public enum Verdict {
    /** More than the threshold worse, beyond the baseline's spread: fails the gate. */
    REGRESSION("regression"),
    /** More than the threshold better, beyond the baseline's spread. */
    IMPROVEMENT("improvement"),
    /** Not beyond the threshold and the spread. */
    NO_CHANGE("no change"),
    /**
     * The change would count, but the box canary moved with it and explains it: the box changed,
     * not the transport. Does not fail the gate; the reason names the cell.
     */
    BOX_CHANGED("box changed"),
    /** Fewer repetitions than a verdict needs on one side: said, not guessed. */
    TOO_FEW_REPETITIONS("too few repetitions");

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
