package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellMode;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import org.junit.jupiter.api.Test;

/** A cell whose message buffers do not fit is left out of the plan with its reason, before anything runs. */
class MemoryBudgetTest {
    private static final long MIB = 1 << 20;

    private static CellPlan.Cell cell(CellMode mode, int size, int connections) {
        return new CellPlan.Cell(TransportKind.TCP, Engine.RAW, mode, size, connections, null, 0);
    }

    @Test
    void aCellMustFitThisJvmsDirectMemory() {
        MemoryBudget budget = new MemoryBudget(512 * MIB, Long.MAX_VALUE);

        // One outgoing message shared by all connections, and an incoming one each: 1 MiB + 1,024 x (1 MiB + 64 B), rounded up.
        assertEquals("its message buffers take 1,026 MiB in this JVM, which may allocate 512 MiB more of direct "
                + "memory (java -XX:MaxDirectMemorySize=SIZE raises that)",
                budget.whyNot(cell(CellMode.LATENCY, 1 << 20, 1_024)));
        assertNull(budget.whyNot(cell(CellMode.LATENCY, 1 << 20, 64)));
        assertNull(budget.whyNot(cell(CellMode.THROUGHPUT, 1 << 20, 256)));
    }

    @Test
    void thisSideAndThePeerTogetherMustFitTheMemoryAvailable() {
        MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE, 1_536 * MIB);

        // The peer echoes from a buffer per connection too.
        assertEquals("its message buffers take 2,050 MiB here and in the peer, more than the 1,536 MiB of memory "
                + "available", budget.whyNot(cell(CellMode.LATENCY, 1 << 20, 1_024)));
        assertNull(budget.whyNot(cell(CellMode.LATENCY, 1 << 20, 512)));
    }

    @Test
    void thePlanLeavesOutWhatDoesNotFitAndSaysWhyOnce() {
        RunConfig config = RunConfig.builder().transports(List.of("tcp")).sizes(List.of(1 << 20))
                .connections(List.of(8, 1_024)).repetitions(2).outputDirectory("unused").build();

        CellPlan plan = CellPlan.of(config, new MemoryBudget(512 * MIB, Long.MAX_VALUE));

        assertEquals(2, plan.cells().size(), "8 connections, twice");
        assertEquals(List.of("tcp, 1048576 B, 1024 connections: its message buffers take 1,026 MiB in this JVM, which "
                + "may allocate 512 MiB more of direct memory (java -XX:MaxDirectMemorySize=SIZE raises that)"),
                plan.tooLarge());
        assertEquals(4, CellPlan.of(config, MemoryBudget.UNKNOWN).cells().size());
    }
}
