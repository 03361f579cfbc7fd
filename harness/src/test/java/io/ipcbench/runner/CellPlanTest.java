package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The order cells run in: every cell once per repetition, shuffled differently in each, reproducibly;
 * a rate at a percentage after the closed-loop cell it is a percentage of.
 */
@Timeout(10)
class CellPlanTest {
    private static RunConfig config(long seed) {
        return RunConfig.builder().transports(List.of("pipe", "tcp", "udp", "unix-stream"))
                .sizes(List.of(64, 1024)).throughputSizes(List.of(64)).repetitions(6).orderSeed(seed).build();
    }

    private static List<String> order(CellPlan plan, int repetition) {
        return plan.cells().stream().filter(c -> c.repetition() == repetition)
                .map(c -> c.transport() + "/" + c.mode().label() + "/" + c.size()).toList();
    }

    @Test
    void eachRepetitionRunsEveryCellOnceBeforeTheNextStarts() {
        CellPlan plan = CellPlan.of(config(1));
        assertEquals(6 * 12, plan.cells().size());
        for (int i = 0; i < plan.cells().size(); i++) {
            assertEquals(i / 12, plan.cells().get(i).repetition(), "cell " + i);
        }
        Set<String> first = new HashSet<>(order(plan, 0));
        assertEquals(12, first.size());
        for (int r = 1; r < 6; r++) {
            assertEquals(first, new HashSet<>(order(plan, r)), "repetition " + r);
        }
    }

    @Test
    void theOrderChangesFromRepetitionToRepetitionSoThatDriftDoesNotLineUpWithATransport() {
        CellPlan plan = CellPlan.of(config(1));
        Set<List<String>> orders = new HashSet<>();
        int tcpFirstOfPair = 0;
        for (int r = 0; r < 6; r++) {
            List<String> order = order(plan, r);
            orders.add(order);
            if (order.indexOf("tcp/latency/64") < order.indexOf("unix-stream/latency/64")) {
                tcpFirstOfPair++;
            }
        }
        assertTrue(orders.size() >= 5, "orders should differ: " + orders.size() + " distinct of 6");
        assertTrue(tcpFirstOfPair > 0 && tcpFirstOfPair < 6, "tcp ran before unix-stream in " + tcpFirstOfPair
                + " of 6 repetitions: a fixed order would line drift up with one of them");
    }

    @Test
    void rateCellsTakeManyConnectionsOnEveryTransportThatDoesWhateverTheClosedLoopSweepIsLimitedTo() {
        RunConfig config = RunConfig.builder().transports(List.of("pipe", "tcp", "udp")).sizes(List.of(64))
                .connections(List.of(1, 8)).connectionTransports(List.of("tcp"))
                .rates(List.of(RequestedRate.parse("50%"))).build();
        List<CellPlan.Cell> cells = CellPlan.of(config).cells();

        Set<String> rate = new HashSet<>();
        Set<String> closedLoop = new HashSet<>();
        for (CellPlan.Cell cell : cells) {
            (cell.mode() == CellMode.RATE ? rate : closedLoop).add(cell.transport().label() + "/" + cell.connections());
        }
        // pipe takes one connection; udp's 8-connection closed-loop cell is there only for its rate cell.
        assertEquals(Set.of("pipe/1", "tcp/1", "tcp/8", "udp/1", "udp/8"), rate);
        assertEquals(Set.of("pipe/1", "tcp/1", "tcp/8", "udp/1", "udp/8"), closedLoop);
        assertEquals(Set.of("pipe/1", "tcp/1", "tcp/8", "udp/1"), Set.copyOf(CellPlan.of(RunConfig.builder()
                .transports(List.of("pipe", "tcp", "udp")).sizes(List.of(64)).connections(List.of(1, 8))
                .connectionTransports(List.of("tcp")).build()).cells().stream()
                .map(c -> c.transport().label() + "/" + c.connections()).toList()), "without rates, as before");
    }

    @Test
    void aRateAtAPercentageRunsAfterItsRepetitionsClosedLoopCellWhichThePlanAddsWhenTheSweepLacksIt() {
        RunConfig config = RunConfig.builder().transports(List.of("tcp", "udp")).sizes(List.of(1024))
                .rates(List.of(RequestedRate.parse("25%"), RequestedRate.parse("50%"), RequestedRate.parse("5000")))
                .rateSizes(List.of(64)).repetitions(3).orderSeed(7).build();
        CellPlan plan = CellPlan.of(config);

        // Per repetition: 2 latency cells at 1 KiB, 2 closed-loop cells added at 64 B, 6 rate cells.
        assertEquals(3 * 10, plan.cells().size());
        for (int i = 0; i < plan.cells().size(); i++) {
            CellPlan.Cell cell = plan.cells().get(i);
            assertEquals(i / 10, cell.repetition(), "repetitions run one after the other");
            CellPlan.Cell reference = cell.closedLoopReference();
            if (reference != null) {
                int at = plan.cells().indexOf(reference);
                assertTrue(at >= 0 && at < i, cell.describe() + " runs after " + reference.describe());
            }
        }
        assertEquals(6, plan.cells().stream().filter(c -> c.mode() == CellMode.LATENCY && c.size() == 64).count());
    }

    @Test
    void aPercentageIsTakenOfTheClosedLoopCellOfTheSameRepetition() {
        CellPlan plan = CellPlan.of(RunConfig.builder().transports(List.of("tcp")).sizes(List.of(64))
                .rates(List.of(RequestedRate.parse("50%"))).repetitions(2).orderSeed(7).build());
        CellPlan.Cell second = plan.cells().stream().filter(c -> c.mode() == CellMode.RATE && c.repetition() == 1)
                .findFirst().orElseThrow();
        List<CellResult> finished = List.of(closedLoop(0, 20_000), closedLoop(1, 30_000));

        assertEquals(30_000, RateCell.closedLoopOf(second, finished).roundTripsPerSec());
        assertNull(RateCell.closedLoopOf(second, finished.subList(0, 1)), "repetition 2's has not run");
    }

    private static CellResult closedLoop(int repetition, double roundTripsPerSec) {
        return new CellResult("tcp", "raw", CellMode.LATENCY.label(), 64, 1, repetition, null, CellResult.OK, null,
                null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, roundTripsPerSec, null, null, null, null,
                null, null, null);
    }

    @Test
    void shmHasNoRateCellsAndTheRunSaysWhyOnce() {
        RunConfig config = RunConfig.builder().transports(List.of("shm", "tcp")).sizes(List.of(64))
                .variants(Map.of("shm", List.of("spin", "backoff"))).rates(List.of(RequestedRate.parse("50%")))
                .repetitions(2).build();
        CellPlan plan = CellPlan.of(config);

        assertEquals(List.of("shm rate cells: " + RateCell.KIND.whyNotFor(TransportKind.SHM)), plan.skipped(),
                "once, for every variant and repetition");
        assertTrue(plan.skipped().get(0).contains("has none"), plan.skipped().get(0));
        assertNull(RateCell.KIND.whyNotFor(TransportKind.PIPE), "a pipe has descriptors to wait on");
        assertEquals(Set.of("shm-spin, 64 B", "shm-backoff, 64 B", "tcp, 64 B", "tcp, rate 50% of closed loop, 64 B"),
                plan.cells().stream().filter(c -> c.repetition() == 0).map(CellPlan.Cell::describe)
                        .collect(Collectors.toSet()), "shm's closed-loop cells stay");
    }

    @Test
    void eachVariantIsACellOfItsOwnNamedAfterIt() {
        RunConfig config = RunConfig.builder().transports(List.of("shm", "pipe"))
                .variants(Map.of("shm", List.of("spin", "yield", "backoff"))).sizes(List.of(64)).orderSeed(1).build();
        CellPlan plan = CellPlan.of(config);
        assertEquals(Set.of("shm-spin, 64 B", "shm-yield, 64 B", "shm-backoff, 64 B", "pipe, 64 B"),
                plan.cells().stream().map(CellPlan.Cell::describe).collect(Collectors.toSet()));
        assertEquals(List.of(), plan.skipped());
        assertEquals(List.of("backoff"), CellPlan.of(RunConfig.builder().transports(List.of("shm"))
                .sizes(List.of(64)).build()).cells().stream().map(CellPlan.Cell::variant).toList(), "the default");
    }

    @Test
    void aTransportWithOneConnectionOnlyIsSkippedAtManyWithItsReasonOnce() {
        RunConfig config = RunConfig.builder().transports(List.of("shm", "tcp")).connections(List.of(1, 8))
                .variants(Map.of("shm", List.of("spin", "backoff"))).sizes(List.of(64, 1024)).repetitions(2).build();
        CellPlan plan = CellPlan.of(config);
        assertEquals(List.of("shm at 8 connections: " + TransportKind.SHM.whyNotManyConnections(Engine.RAW)),
                plan.skipped(), "once, for every variant, size and repetition");
        assertTrue(plan.skipped().get(0).contains("a ring has no file descriptor"), plan.skipped().get(0));
        assertTrue(plan.cells().stream().noneMatch(c -> c.transport() == TransportKind.SHM && c.connections() > 1));
        assertEquals(2 * 2 * 2, plan.cells().stream().filter(c -> c.transport() == TransportKind.SHM).count(),
                "two variants at two sizes, twice");
    }

    @Test
    void anEngineThatDoesNotImplementATransportHasNoCellOfItAndSaysWhy() {
        RunConfig config = RunConfig.builder().transports(List.of("shm", "pipe")).engine(RunConfig.ENGINE_BOTH)
                .sizes(List.of(64)).repetitions(2).build();
        CellPlan plan = CellPlan.of(config);
        assertEquals(List.of("shm on the jdk engine: " + TransportKind.SHM.whyNotOn(Engine.JDK)), plan.skipped());
        assertTrue(plan.skipped().get(0).contains("the jdk engine would run the very code the raw engine runs"),
                plan.skipped().get(0));
        assertEquals(Set.of("shm-backoff, 64 B", "pipe, 64 B", "pipe (jdk), 64 B"), plan.cells().stream()
                .filter(c -> c.repetition() == 0).map(CellPlan.Cell::describe).collect(Collectors.toSet()));
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        assertEquals(CellPlan.of(config(42)).cells(), CellPlan.of(config(42)).cells());
        assertNotEquals(CellPlan.of(config(42)).cells(), CellPlan.of(config(43)).cells());
    }
}
