package io.ipcbench.gate;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which spread a cell's change is judged against. */
public enum Basis {
    /** The baseline runs' spread from run to run: is the candidate one more run like them? */
    RUN_TO_RUN,
    /** The spread of repetitions, the baseline runs' pooled: blind to a drift of the whole box. */
    REPETITIONS;

    /** "run-to-run", "repetitions": as written in the report and its JSON. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return label();
    }
}
