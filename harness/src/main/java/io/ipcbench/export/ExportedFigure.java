package io.ipcbench.export;

import java.util.function.Function;

import io.ipcbench.results.CellResult;

/**
 * The figures the exports carry for a cell, each with its name, unit and which way is better:
 * latency percentiles for latency cells, bytes per second for throughput cells, and for every cell
 * the CPU time and context switches per message (a round trip in latency mode). Every export takes
 * its list from here.
 */
public enum ExportedFigure {
    LATENCY_P50("latency-p50", "p50", "ns", true, cell -> latency(cell) ? (double) cell.latencyNs().p50() : null),
    LATENCY_P99("latency-p99", "p99", "ns", true, cell -> latency(cell) ? (double) cell.latencyNs().p99() : null),
    LATENCY_P999("latency-p99.9", "p99.9", "ns", true,
            cell -> latency(cell) ? (double) cell.latencyNs().p999() : null),
    THROUGHPUT("throughput", "throughput", "B/s", false,
            cell -> cell.throughput() != null && cell.throughput().messages() > 0
                    ? cell.throughput().bytesPerSec() : null),
    CPU_PER_MESSAGE("cpu-per-message", "CPU per message", "us", true,
            cell -> cell.cpuCost() != null ? cell.cpuCost().cpuMicrosPerMessage() : null),
    CONTEXT_SWITCHES_PER_MESSAGE("context-switches-per-message", "context switches per message", "switches", true,
            cell -> cell.cpuCost() != null ? cell.cpuCost().contextSwitchesPerMessage() : null);

    private final String slug;
    private final String label;
    private final String unit;
    private final boolean smallerIsBetter;
    private final Function<CellResult, Double> value;

    ExportedFigure(String slug, String label, String unit, boolean smallerIsBetter,
                   Function<CellResult, Double> value) {
        this.slug = slug;
        this.label = label;
        this.unit = unit;
        this.smallerIsBetter = smallerIsBetter;
        this.value = value;
    }

    private static boolean latency(CellResult cell) {
        return cell.throughput() == null && cell.latencyNs() != null && cell.latencyNs().count() > 0;
    }

    /** The name of the measure in Bencher Metric Format, e.g. {@code latency-p99}. */
    public String slug() {
        return slug;
    }

    /** A short name to put after a cell's key, e.g. {@code p99}. */
    public String label() {
        return label;
    }

    /** Nanoseconds, bytes per second, microseconds or context switches. */
    public String unit() {
        return unit;
    }

    public boolean smallerIsBetter() {
        return smallerIsBetter;
    }

    /** The cell's value, or null when the cell does not have this figure. */
    public Double of(CellResult cell) {
        return value.apply(cell);
    }
}
