package io.ipcbench.plots;

/**
 * One axis of a chart: its title (with units), its scale and how its ticks are labelled.
 *
 * @param min lower bound, or null to fit the data
 * @param max upper bound, or null to fit the data
 */
public record AxisSpec(String title, boolean logarithmic, TickFormat format, Double min, Double max) {
    /** How the tick values of an axis are written. */
    public enum TickFormat {
        /** Numbers as they are: 0.5, 12, 300. */
        PLAIN,
        /** Counts with k and M: 250k, 1.2M. */
        COUNT,
        /** The HdrHistogram percentile axis: the value {@code 1/(1-p)} written as p, e.g. 1000 is 99.9%. */
        PERCENTILE,
        /** Message sizes: 100 B, 1 kB, 10 kB. */
        BYTES
    }

    public static AxisSpec linear(String title, TickFormat format) {
        return new AxisSpec(title, false, format, null, null);
    }

    public static AxisSpec log(String title, TickFormat format) {
        return new AxisSpec(title, true, format, null, null);
    }

    public AxisSpec withRange(Double newMin, Double newMax) {
        return new AxisSpec(title, logarithmic, format, newMin, newMax);
    }
}
