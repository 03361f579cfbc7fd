package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellMode;
import org.junit.jupiter.api.Test;

/** The estimate adds up each cell's phases as configured and what its peer costs; it says so in a line. */
class RunEstimateTest {
    private static RunEstimate estimate(RunConfig config) {
        return RunEstimate.of(CellPlan.of(config, MemoryBudget.UNKNOWN), config);
    }

    @Test
    void timedPhasesCountAsConfigured() {
        RunConfig config = RunConfig.builder().transports(List.of("tcp", "unix-stream")).sizes(List.of(64))
                .connections(List.of(1, 8)).throughputSizes(List.of(1024)).throughputMillis(2_000)
                .durationMillis(1_000).warmupMillis(500).outputDirectory("unused").build();

        RunEstimate estimate = estimate(config);

        assertEquals(4, estimate.cellsByMode().get(CellMode.LATENCY));
        assertEquals(4, estimate.cellsByMode().get(CellMode.THROUGHPUT));
        Duration latencyCell = RunEstimate.CELL_OVERHEAD.plusMillis(500 + 1_000);
        Duration throughputCell = RunEstimate.CELL_OVERHEAD.plusMillis(500 + 2_000).plus(ThroughputCell.STOP);
        assertEquals(RunEstimate.RUN_START.plus(latencyCell.multipliedBy(4)).plus(throughputCell.multipliedBy(4)),
                estimate.total());
    }

    @Test
    void countedPhasesAreReckonedAtANominalRoundTripAndProbesAddTheirTime() {
        RunConfig config = RunConfig.builder().transports(List.of("pipe")).sizes(List.of(1_000)).iterations(10_000)
                .warmupIterations(1_000).probes(true).outputDirectory("unused").build();

        Duration roundTrip = Duration.ofNanos(RunEstimate.NOMINAL_ROUND_TRIP_NANOS + 1_000);
        assertEquals(RunEstimate.RUN_START.plus(RunEstimate.PROBES).plus(RunEstimate.CELL_OVERHEAD)
                .plus(roundTrip.multipliedBy(11_000)), estimate(config).total());
    }

    @Test
    void itSaysHowManyCellsAndAboutHowLong() {
        assertEquals("3 cells (2 latency, 1 throughput, 0 rate), about 1 min 15 s",
                new RunEstimate(Map.of(CellMode.LATENCY, 2, CellMode.THROUGHPUT, 1),
                        Duration.ofSeconds(74)).describe());
        assertEquals("1 cell (1 latency, 0 throughput, 0 rate), about 3 s", new RunEstimate(Map.of(CellMode.LATENCY, 1),
                Duration.ofMillis(3_400)).describe());
        assertEquals("4 cells (1 latency, 0 throughput, 0 rate, 3 connect), about 9 s", new RunEstimate(
                Map.of(CellMode.LATENCY, 1, CellMode.CONNECT, 3), Duration.ofMillis(9_000)).describe());
    }

    @Test
    void durationsAreRoundedToWhatMatters() {
        assertEquals("1 s", RunEstimate.duration(Duration.ZERO));
        assertEquals("45 s", RunEstimate.duration(Duration.ofSeconds(45)));
        assertEquals("3 min", RunEstimate.duration(Duration.ofSeconds(179)));
        assertEquals("3 min 10 s", RunEstimate.duration(Duration.ofSeconds(191)));
        assertEquals("45 min", RunEstimate.duration(Duration.ofSeconds(45 * 60 + 20)));
        assertEquals("1 h 05 min", RunEstimate.duration(Duration.ofMinutes(65)));
    }
}
