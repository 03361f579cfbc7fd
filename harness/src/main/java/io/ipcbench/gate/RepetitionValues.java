package io.ipcbench.gate;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import org.HdrHistogram.Histogram;

/**
 * One cell's values in one run, one per repetition (a fresh peer process): the metric of all the
 * repetition's round trips (every interval of its log added), and the box canary measured around
 * it. The repetition, not the interval, is the unit: the intervals of one process share the
 * wake-up mode it landed in, so they are not independent draws.
 *
 * @param values      the metric of each usable repetition, nanoseconds, in run order
 * @param canariesNs  {@code Canary.meanNs()} of each usable repetition, in the same order; null when
 *                    one of them has none (a run measured without the canary)
 * @param failed      repetitions that failed or wrote no log
 * @param tooFew      repetitions with too few round trips to define the metric
 */
record RepetitionValues(double[] values, double[] canariesNs, int failed, int tooFew) {

    /**
     * Reads the interval logs of a key's cells from the run's folder.
     *
     * @throws RunFolder.InvalidRunException when a log is missing or cannot be decoded
     */
    public static RepetitionValues read(GateRun run, List<CellResult> cells, Percentile metric)
            throws RunFolder.InvalidRunException {
        List<Double> values = new ArrayList<>();
        List<Double> canaries = new ArrayList<>();
        int failed = 0;
        int tooFew = 0;
        for (CellResult cell : cells) {
            if (!cell.ok() || cell.histogramLog() == null) {
                failed++;
                continue;
            }
            Histogram all = null;
            for (Histogram interval : RunFolder.readIntervals(run.folder().resolve(cell.histogramLog()))) {
                if (all == null) {
                    all = interval.copy();
                } else {
                    all.add(interval);
                }
            }
            if (all == null || all.getTotalCount() < metric.minimumCount()) {
                tooFew++;
                continue;
            }
            values.add((double) metric.valueOf(all));
            canaries.add(cell.canary() != null && cell.canary().meanNs() > 0 ? cell.canary().meanNs() : null);
        }
        return new RepetitionValues(toArray(values), canaries.contains(null) ? null : toArray(canaries), failed,
                tooFew);
    }

    public int size() {
        return values.length;
    }

    /**
     * Each repetition's value over the canary around it: the value net of the box's state, which
     * moves when the cell does and not when the box does. Null without canaries.
     */
    public double[] netOfCanary() {
        if (canariesNs == null) {
            return null;
        }
        double[] net = new double[values.length];
        for (int i = 0; i < net.length; i++) {
            net[i] = values[i] / canariesNs[i];
        }
        return net;
    }

    private static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
