package io.ipcbench.claims;

import java.util.List;

/**
 * One cell group's values for one metric: one value per repetition (each a fresh peer process),
 * the unit every comparison rests on.
 *
 * @param values   one value per usable repetition, in run order
 * @param leftOut  repetitions whose cell could not define the metric (too few round trips for a
 *                 p99), one line each
 */
record Repetitions(double[] values, List<String> leftOut) {
    int size() {
        return values.length;
    }

    /** Repetitions measured, whether or not their cell defined the metric. */
    int measured() {
        return values.length + leftOut.size();
    }
}
