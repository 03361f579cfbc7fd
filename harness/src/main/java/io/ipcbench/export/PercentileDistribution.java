package io.ipcbench.export;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * A latency cell's percentile distribution in HdrHistogram's {@code .hgrm} text (what
 * {@code outputPercentileDistribution} writes, and HdrHistogram's plotter reads), from all the
 * cell's intervals added together. Values are in microseconds.
 */
public final class PercentileDistribution {
    public static final String SUFFIX = ".hgrm";
    /** The logs hold nanoseconds; the distribution is written in microseconds. */
    public static final double NANOS_PER_OUTPUT_UNIT = 1_000.0;
    /** Lines per halving of the distance to 100%, as HdrHistogram's own tools write it. */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentileDistribution() {
    }

    /** The whole cell: its interval histograms merged. */
    public static Histogram merge(List<Histogram> intervals) {
        Histogram whole = new Histogram(intervals.isEmpty() ? 3 : intervals.get(0).getNumberOfSignificantValueDigits());
        intervals.forEach(whole::add);
        return whole;
    }

    public static String render(List<Histogram> intervals) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            merge(intervals).outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_OUTPUT_UNIT);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
