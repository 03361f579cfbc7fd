package io.ipcbench.runner;

import java.time.Duration;
import java.util.Locale;

import io.ipcbench.config.RunConfig;

/**
 * How long a run will take, reckoned from its plan and settings before anything runs: each cell's
 * warm-up and measured part as configured, and what starting and stopping its peer costs. A phase
 * given as a count rather than a time is reckoned at a nominal round trip, so that estimate is
 * rougher. The figures for starting a run, a peer and the probes were measured on a two-CPU VM.
 *
 * @param latencyCells    ping-pong cells to run
 * @param throughputCells throughput cells to run
 * @param total           the whole run, probes included
 */
public record RunEstimate(int latencyCells, int throughputCells, Duration total) {
    /** The JVM's start, the calibration and the look at the environment. */
    static final Duration RUN_START = Duration.ofMillis(1_500);
    /** A peer JVM's start and connection (130 to 540 ms measured), its stop, and saving the cell. */
    static final Duration CELL_OVERHEAD = Duration.ofMillis(700);
    /** A throughput cell's end: the peer told to stop, the channels drained, its report read. */
    static final Duration THROUGHPUT_STOP = Duration.ofMillis(300);
    /** The claim probes, all of them (10 to 20 s measured). */
    static final Duration PROBES = Duration.ofSeconds(15);
    /** A round trip of a small message, for a phase given as a count: the order measured on a small VM. */
    static final long NOMINAL_ROUND_TRIP_NANOS = 20_000;
    /** What each byte of a message adds to a round trip, for a phase given as a count: two copies each way at a few GB/s. */
    static final double NOMINAL_NANOS_PER_BYTE = 1.0;

    /** The estimate for running {@code plan}, made from {@code config}. */
    public static RunEstimate of(CellPlan plan, RunConfig config) {
        int latency = 0;
        int throughput = 0;
        Duration total = RUN_START.plus(config.probes() ? PROBES : Duration.ZERO);
        for (CellPlan.Cell cell : plan.cells()) {
            Duration warmup = phase(config.warmupIterations(), config.warmupMillis(), cell.size());
            if (RunConfig.MODE_THROUGHPUT.equals(cell.mode())) {
                throughput++;
                total = total.plus(CELL_OVERHEAD).plus(warmup).plus(Duration.ofMillis(config.throughputMillis()))
                        .plus(THROUGHPUT_STOP);
            } else {
                latency++;
                total = total.plus(CELL_OVERHEAD).plus(warmup)
                        .plus(phase(config.iterations(), config.durationMillis(), cell.size()));
            }
        }
        return new RunEstimate(latency, throughput, total);
    }

    /** A phase of {@code count} messages at {@code size} bytes, or of {@code millis} when the count is 0. */
    private static Duration phase(long count, long millis, int size) {
        if (count == 0) {
            return Duration.ofMillis(millis);
        }
        return Duration.ofNanos((long) (count * (NOMINAL_ROUND_TRIP_NANOS + size * NOMINAL_NANOS_PER_BYTE)));
    }

    public int cells() {
        return latencyCells + throughputCells;
    }

    /** "84 cells (70 latency, 14 throughput), about 3 min 10 s". */
    public String describe() {
        return cells() + (cells() == 1 ? " cell" : " cells") + " (" + latencyCells + " latency, " + throughputCells
                + " throughput), about " + duration(total);
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
