package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis of a figure the report draws itself (in SVG): from values to positions, and
 * the ticks to label. Ratios and latencies both read best on a log scale: a ratio of 2 sits as far
 * from 1 as one of 0.5.
 *
 * @param min   the value at {@code from}
 * @param max   the value at {@code to}
 * @param from  the position of {@code min}, in the figure's units
 * @param to    the position of {@code max}; below {@code from} for an axis drawn upwards
 */
record LogAxis(double min, double max, double from, double to) {
    /** Tick mantissas, coarsest first; the coarsest set that gives {@link #FEWEST_TICKS} ticks is used. */
    private static final double[][] MANTISSAS = {
            {1}, {1, 2, 5}, {1, 1.5, 2, 3, 5, 7}, {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9}};
    private static final int FEWEST_TICKS = 4;
    /** Room left either side of the values, as a factor, so that no point sits on the frame. */
    private static final double MARGIN = 1.2;

    LogAxis {
        if (!(min > 0 && max > min)) {
            throw new IllegalArgumentException("a log axis needs 0 < min < max, not " + min + " and " + max);
        }
    }

    /** An axis over the values from {@code low} to {@code high} (both above 0), with a margin either side. */
    static LogAxis over(double low, double high, double from, double to) {
        double min = low / MARGIN;
        double max = Math.max(high, low * 1.01) * MARGIN;
        return new LogAxis(min, max, from, to);
    }

    /** The position of a value; values beyond the axis are put at its ends. */
    double position(double value) {
        double clamped = Math.min(max, Math.max(min, value));
        double share = Math.log(clamped / min) / Math.log(max / min);
        return from + share * (to - from);
    }

    /** Whether a value lies beyond the axis, where {@link #position} puts it at an end. */
    boolean beyond(double value) {
        return value < min || value > max;
    }

    /** Round values inside the axis to label: decades when there are enough of them, else finer steps. */
    List<Double> ticks() {
        List<Double> ticks = List.of();
        for (double[] mantissas : MANTISSAS) {
            ticks = ticks(mantissas);
            if (ticks.size() >= FEWEST_TICKS) {
                break;
            }
        }
        return ticks;
    }

    private List<Double> ticks(double[] mantissas) {
        List<Double> ticks = new ArrayList<>();
        for (int exponent = (int) Math.floor(Math.log10(min)); exponent <= (int) Math.ceil(Math.log10(max)); exponent++) {
            for (double mantissa : mantissas) {
                // Rounded to 12 significant digits, so 3 x 10^-1 is 0.3 and not 0.30000000000000004.
                double tick = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g",
                        mantissa * Math.pow(10, exponent)));
                if (tick >= min && tick <= max) {
                    ticks.add(tick);
                }
            }
        }
        return ticks;
    }
}
