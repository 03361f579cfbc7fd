package io.ipcbench.claims;

import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;

/**
 * What a comparison of two transports looks at: one figure of each cell, that is of each
 * repetition, as run.json holds it.
 */
enum Measure {
    /** The cell's median round trip. */
    P50("round-trip p50", "p50", CellMode.LATENCY.label(), false, 10),
    /** The cell's 99th percentile round trip; needs 100 round trips to be more than the maximum. */
    P99("round-trip p99", "p99", CellMode.LATENCY.label(), false, 100),
    /** The cell's round trips per second, all connections together. */
    ROUND_TRIPS_PER_SEC("round trips/s", "round trips/s", CellMode.LATENCY.label(), true, 1),
    /** The cell's bytes per second, one way. */
    BYTES_PER_SEC("throughput", "throughput", CellMode.THROUGHPUT.label(), true, 1),
    /**
     * A rate sweep's highest offered rate whose p99 stayed within the run's budget: a figure of a
     * sweep's cells in one repetition together (the run's sustainable rates), not of one cell.
     */
    SUSTAINABLE_RATE("sustainable rate", "sustainable rate", CellMode.RATE.label(), true, 1),
    /** A connect cell's median connect alone (a new socket to the connection usable). */
    CONNECT_P50("connect-alone p50", "connect p50", CellMode.CONNECT.label(), false, 10);

    private final String label;
    private final String shortLabel;
    private final String mode;
    private final boolean higherIsBetter;
    private final long minimumCount;

    Measure(String label, String shortLabel, String mode, boolean higherIsBetter, long minimumCount) {
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

    /** Fewest round trips (or messages) a cell needs for this metric to be defined by it. */
    long minimumCount() {
        return minimumCount;
    }

    /** Whether the metric is a figure of a whole rate sweep in one repetition, not of one cell. */
    boolean ofSweep() {
        return this == SUSTAINABLE_RATE;
    }

    /**
     * The metric of one cell, or null when the cell holds too few round trips or messages to define
     * it, or the metric is {@linkplain #ofSweep() a sweep's}.
     */
    Double valueOf(CellResult cell) {
        Double value = switch (this) {
            case P50, P99 -> cell.latencyNs() == null || cell.latencyNs().count() < minimumCount ? null
                    : (double) (this == P50 ? cell.latencyNs().p50() : cell.latencyNs().p99());
            case ROUND_TRIPS_PER_SEC -> cell.roundTripsPerSec() > 0 ? cell.roundTripsPerSec() : null;
            case BYTES_PER_SEC -> cell.throughput() == null || cell.throughput().messages() < minimumCount ? null
                    : cell.throughput().bytesPerSec();
            case CONNECT_P50 -> cell.setUp() == null || cell.setUp().connectNs() == null
                    || cell.setUp().connectNs().count() < minimumCount ? null : (double) cell.setUp().connectNs().p50();
            case SUSTAINABLE_RATE -> null;
        };
        return value != null && value > 0 ? value : null;
    }

    String format(double value) {
        return switch (this) {
            case P50, P99, CONNECT_P50 -> Text.nanos(value);
            case ROUND_TRIPS_PER_SEC, SUSTAINABLE_RATE -> Text.perSec(value);
            case BYTES_PER_SEC -> Text.bytesPerSec(value);
        };
    }
}
