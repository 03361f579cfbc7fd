package io.ipcbench.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which spread a cell's change is judged against. */
public enum Basis {
    /** The baseline runs' spread from run to run: is the candidate one more run like them? */
    RUN_TO_RUN("run-to-run"),
    /** The spread of repetitions, the baseline runs' pooled: blind to a drift of the whole box. */
    REPETITIONS("repetitions");

    private final String label;

    Basis(String label) {
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
