package io.ipcbench.claims;

import java.util.List;

/**
 * The samples of one cell group for one metric: one value per usable interval, pooled over
 * repetitions.
 *
 * @param values    one value per usable interval
 * @param intervals intervals read, usable or not
 * @param skipped   intervals left out for holding too few values for the metric
 * @param problems  what could not be read (a missing or damaged interval log), one line each
 */
record Samples(double[] values, int intervals, int skipped, List<String> problems) {
    int size() {
        return values.length;
    }
}
