package io.ipcbench.results;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.ipcbench.stats.GeometricMean;

/**
 * How far the box itself moved during one run, from the box canary around its cells in the order
 * they ran: its first quarter of cells against its last. (Not its lowest cell against its highest:
 * one cell's canary, a thousand round trips, has noise of its own, and on a small VM that range was
 * over 20% in every run.)
 * A run on a small VM can drift (another wake-up mode, a neighbour that comes and goes); the cells
 * of each repetition run in a shuffled order, so a drift spreads over the transports, but the
 * figures of the run carry it.
 *
 * @param firstQuarterNs the canary's geometric mean over the first quarter of the cells
 * @param lastQuarterNs  the same over the last quarter
 */
public record BoxDrift(double firstQuarterNs, double lastQuarterNs) {
    /** A move larger than this, either way, is worth a line. */
    public static final double NOTABLE = 0.10;

    /** The drift of a run's cells, in run order; null with fewer than 4 cells that have a canary. */
    public static BoxDrift of(List<CellResult> cells) {
        double[] canaries = cells.stream().filter(c -> c.canary() != null).mapToDouble(c -> c.canary().meanNs())
                .filter(v -> v > 0).toArray();
        if (canaries.length < 4) {
            return null;
        }
        int quarter = canaries.length / 4;
        return new BoxDrift(GeometricMean.value(Arrays.copyOfRange(canaries, 0, quarter)),
                GeometricMean.value(Arrays.copyOfRange(canaries, canaries.length - quarter, canaries.length)));
    }

    /** {@link #sentence()} for a run, or null when its box did not move notably or it has no canary. */
    public static String noteFor(RunResult run) {
        BoxDrift drift = run.cells() == null ? null : of(run.cells());
        return drift == null ? null : drift.sentence();
    }

    /** The last quarter over the first, minus 1: +0.14 when the box got 14% slower during the run. */
    public double change() {
        return lastQuarterNs / firstQuarterNs - 1;
    }

    /**
     * "the box itself changed by +14% during this run (box canary 27.1 µs in its first quarter of
     * cells, 30.9 µs in its last)"; null when it moved by no more than {@link #NOTABLE}.
     */
    public String sentence() {
        if (Math.abs(change()) > NOTABLE) {
            return String.format(Locale.ROOT, "the box itself changed by %+.0f%% during this run (box canary %.1f µs "
                    + "in its first quarter of cells, %.1f µs in its last)", change() * 100, firstQuarterNs / 1_000,
                    lastQuarterNs / 1_000);
        }
        return null;
    }
}
