package io.ipcbench.runner;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellMode;

/**
 * How long a run will take, reckoned from its plan and settings before anything runs: each cell's
 * warm-up and measured part as configured (its {@link CellKind} says what they take),
 * and what starting and stopping its peer costs. A phase given as a count rather than a time is
 * reckoned at a nominal round trip, so that estimate is rougher. The figures for starting a run, a
 * peer and the probes were measured on a two-CPU VM.
 *
 * @param cellsByMode the cells to run, by mode
 * @param total       the whole run, probes included
 */
public record RunEstimate(Map<CellMode, Integer> cellsByMode, Duration total) {
    /** The JVM's start, the calibration and the look at the environment. */
    static final Duration RUN_START = Duration.ofMillis(1_500);
    /** A peer JVM's start and connection (130 to 540 ms measured), its stop, and saving the cell. */
    static final Duration CELL_OVERHEAD = Duration.ofMillis(700);
    /** The claim probes, all of them (10 to 20 s measured). */
    static final Duration PROBES = Duration.ofSeconds(15);
    /** A round trip of a small message, for a phase given as a count: the order measured on a small VM. */
    static final long NOMINAL_ROUND_TRIP_NANOS = 20_000;
    /** What each byte of a message adds to a round trip, for a phase given as a count: two copies each way at a few GB/s. */
    static final double NOMINAL_NANOS_PER_BYTE = 1.0;

    public RunEstimate {
        cellsByMode = Map.copyOf(cellsByMode);
    }

    /** The estimate for running {@code plan}, made from {@code config}. */
    public static RunEstimate of(CellPlan plan, RunConfig config) {
        Map<CellMode, Integer> cells = new EnumMap<>(CellMode.class);
        Duration total = RUN_START.plus(config.probes() ? PROBES : Duration.ZERO);
        for (CellPlan.Cell cell : plan.cells()) {
            cells.merge(cell.mode(), 1, Integer::sum);
            total = total.plus(CELL_OVERHEAD).plus(cell.kind().warmUpTime(config, cell.size()))
                    .plus(cell.kind().measuredTime(config, cell.size()));
        }
        return new RunEstimate(cells, total);
    }

    /** A phase of {@code count} messages at {@code size} bytes, or of {@code millis} when the count is 0. */
    static Duration phase(long count, long millis, int size) {
        if (count == 0) {
            return Duration.ofMillis(millis);
        }
        return Duration.ofNanos((long) (count * (NOMINAL_ROUND_TRIP_NANOS + size * NOMINAL_NANOS_PER_BYTE)));
    }

    public int cells() {
        return cellsByMode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "84 cells (70 latency, 14 throughput, 0 rate), about 3 min 10 s": every mode, those without cells too. */
    public String describe() {
        // Latency, throughput and rate always, as runs have long said; connect cells when there are some.
        return cells() + (cells() == 1 ? " cell" : " cells") + " (" + Arrays.stream(CellMode.values())
                .filter(mode -> mode != CellMode.CONNECT || cellsByMode.getOrDefault(mode, 0) > 0)
                .map(mode -> cellsByMode.getOrDefault(mode, 0) + " " + mode.label())
                .collect(Collectors.joining(", ")) + "), about " + duration(total);
    }

    /** "45 s", "3 min 10 s", "1 h 05 min": to the 5 s under ten minutes, to the minute above. */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return Math.max(1, seconds) + " s";
        }
        if (seconds < 600) {
            long rounded = (seconds + 2) / 5 * 5;
            return rounded / 60 + " min" + (rounded % 60 == 0 ? "" : " " + rounded % 60 + " s");
        }
        long minutes = (seconds + 30) / 60;
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
