package io.ipcbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import io.ipcbench.stats.Medians;
import io.ipcbench.stats.Modes;

/**
 * The repetitions of one cell side by side: each repetition is a fresh peer process, and on a small
 * VM each lands in one of a few wake-up modes, so their spread, and any separate modes, are part of
 * the result. Derived from the cells when a run is saved; one entry per cell key and placement
 * with at least two successful repetitions that measured something.
 *
 * @param key         the cells' key, e.g. {@code tcp/raw/64B/1c/latency}
 * @param placement   "0,1" or "unpinned"
 * @param repetitions successful repetitions
 * @param p50Ns       latency cells: each repetition's p50; null for throughput cells
 * @param p99Ns       latency cells: each repetition's p99; null for throughput cells
 * @param bytesPerSec throughput cells: each repetition's bytes per second; null for latency cells
 */
public record RepetitionSummary(String key, String placement, int repetitions, Figure p50Ns, Figure p99Ns,
                                Figure bytesPerSec) {

    /**
     * One figure over the repetitions.
     *
     * @param values each repetition's value, in run order
     * @param modes  the values in separate modes, in words ("bimodal: 4 of 6 repetitions near 33.0 µs, 2 near
     *               28.0 µs"); null when they are one mode
     */
    public record Figure(List<Double> values, double median, double min, double max, String modes) {
        static Figure of(List<Double> values, DoubleFunction<String> format) {
            double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return new Figure(List.copyOf(values), Medians.median(array), min, max,
                    Modes.describe(Modes.of(array), format));
        }
    }

    /** One entry per key and placement with at least two successful repetitions, in first-seen order. */
    public static List<RepetitionSummary> of(List<CellResult> cells) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            if (cell.ok() && (cell.throughput() != null
                    || (cell.latencyNs() != null && cell.latencyNs().count() > 0))) {
                groups.computeIfAbsent(cell.key() + "@" + cell.placement(), k -> new ArrayList<>()).add(cell);
            }
        }
        List<RepetitionSummary> summaries = new ArrayList<>();
        for (List<CellResult> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            CellResult first = group.get(0);
            boolean throughput = first.throughput() != null;
            summaries.add(new RepetitionSummary(first.key(), String.valueOf(first.placement()), group.size(),
                    throughput ? null : figure(group, c -> c.latencyNs().p50(), RepetitionSummary::micros),
                    throughput ? null : figure(group, c -> c.latencyNs().p99(), RepetitionSummary::micros),
                    throughput ? figure(group, c -> c.throughput().bytesPerSec(), RepetitionSummary::megabytes)
                            : null));
        }
        return List.copyOf(summaries);
    }

    private static Figure figure(List<CellResult> cells, ToDoubleFunction<CellResult> value,
                                 DoubleFunction<String> format) {
        return Figure.of(cells.stream().map(c -> value.applyAsDouble(c)).toList(), format);
    }

    static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
    }

    static String megabytes(double bytesPerSec) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSec / 1e6);
    }
}
