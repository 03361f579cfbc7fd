package io.ipcbench.claims;

import io.ipcbench.results.CellResult;

/** What a comparison of two transports looks at, in each interval of their cells. */
enum Metric {
    /** Median round trip of each interval. */
    P50("round-trip p50", "p50", CellResult.MODE_LATENCY, false, 10),
    /** 99th percentile round trip of each interval; needs 100 round trips in an interval to mean anything. */
    P99("round-trip p99", "p99", CellResult.MODE_LATENCY, false, 100),
    /** Round trips per second of each interval, all connections together. */
    ROUND_TRIPS_PER_SEC("round trips/s", "round trips/s", CellResult.MODE_LATENCY, true, 1),
    /** Bytes per second of each entry of a throughput cell's series. */
    BYTES_PER_SEC("throughput", "throughput", CellResult.MODE_THROUGHPUT, true, 0);

    private final String label;
    private final String shortLabel;
    private final String mode;
    private final boolean higherIsBetter;
    private final long minimumCount;

    Metric(String label, String shortLabel, String mode, boolean higherIsBetter, long minimumCount) {
        this.label = label;
        this.shortLabel = shortLabel;
        this.mode = mode;
        this.higherIsBetter = higherIsBetter;
        this.minimumCount = minimumCount;
    }

    /** "round-trip p50", as in a figure. */
    String label() {
        return label;
    }

    /** "p50", as in a breakdown. */
    String shortLabel() {
        return shortLabel;
    }

    /** The cell mode that measures it. */
    String mode() {
        return mode;
    }

    /** For rates, more is better; for latencies, less. */
    boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Fewest values an interval needs for this metric to be defined by it. */
    long minimumCount() {
        return minimumCount;
    }

    double percentile() {
        return this == P99 ? 99 : 50;
    }

    String format(double value) {
        return switch (this) {
            case P50, P99 -> Text.nanos(value);
            case ROUND_TRIPS_PER_SEC -> Text.perSec(value);
            case BYTES_PER_SEC -> Text.bytesPerSec(value);
        };
    }
}
