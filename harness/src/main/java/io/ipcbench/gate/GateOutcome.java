package io.ipcbench.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the gate says about the candidate as a whole, and the exit code that carries it. */
public enum GateOutcome {
    /** Every comparable cell held: exit 0. */
    NO_REGRESSION("no regression", 0),
    /** At least one cell regressed: exit 1. */
    REGRESSION("regression", 1),
    /** The gate could not decide (missing or damaged run, nothing in common, incomparable runs): exit 2. */
    UNDECIDED("could not decide", 2);

    private final String label;
    private final int exitCode;

    GateOutcome(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public int exitCode() {
        return exitCode;
    }

    @Override
    public String toString() {
        return label;
    }
}
