package io.ipcbench.gate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.AbstractHistogram;

/**
 * The latency percentile the gate judges, e.g. p99, computed on each repetition's round trips (all
 * intervals of its log added).
 *
 * @param name       as the user wrote it, normalised: {@code p99}, {@code p99.9}
 * @param percentile in (0, 100)
 */
public record Percentile(String name, double percentile) {
    public static final Percentile P99 = new Percentile("p99", 99);

    private static final Pattern FORM = Pattern.compile("p(\\d+(?:\\.\\d+)?)");

    public Percentile {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile " + percentile + " must be above 0 and below 100");
        }
    }

    /**
     * Reads {@code p50}, {@code p90}, {@code p99}, {@code p99.9}, {@code median}; also {@code p999} and
     * {@code p9999}, the names of run.json's summary fields.
     */
    public static Percentile parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (name.equals("median")) {
            return new Percentile("p50", 50);
        }
        Matcher m = FORM.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a percentile (try p50, p99 or p99.9)");
        }
        String digits = m.group(1);
        double value = Double.parseDouble(digits);
        if (value >= 100 && digits.matches("99+")) {
            // p999 is 99.9 and p9999 is 99.99, as in run.json's latencyNs.
            value = Double.parseDouble("99." + digits.substring(2));
        }
        if (!(value > 0 && value < 100)) {
            throw new IllegalArgumentException("'" + text + "' is not a percentile between p0 and p100 (try p99)");
        }
        return new Percentile("p" + format(value), value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * The fewest values a histogram needs for this percentile to be more than its maximum: 100 for
     * p99, 1,000 for p99.9, 2 for p50. A repetition with fewer says nothing about the percentile.
     */
    public long minimumCount() {
        // The small epsilon keeps 100 / (100 - 99.9) = 1000.0000000000x from rounding up to 1001.
        return (long) Math.ceil(100.0 / (100.0 - percentile) - 1e-9);
    }

    /** The percentile of a histogram, in its unit (nanoseconds). */
    public long valueOf(AbstractHistogram histogram) {
        return histogram.getValueAtPercentile(percentile);
    }

    @Override
    public String toString() {
        return name;
    }
}
