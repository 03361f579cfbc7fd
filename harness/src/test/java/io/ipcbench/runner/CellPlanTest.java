package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.ipcbench.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The order cells run in: every cell once per repetition, shuffled differently in each, reproducibly. */
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
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        assertEquals(CellPlan.of(config(42)).cells(), CellPlan.of(config(42)).cells());
        assertNotEquals(CellPlan.of(config(42)).cells(), CellPlan.of(config(43)).cells());
    }
}
