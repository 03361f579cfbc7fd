package io.ipcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Cells pair across engines only when everything but the engine matches, and only ok ones. */
class EngineOverheadTest {
    private static CellResult cell(String transport, String engine, int size, long p50, long p99, String status) {
        return new CellResult(transport, engine, "latency", size, 1, 0, new Placement(0, 1), status, null,
                new Warmup(1, 0.1, p50), new LatencySummary(100, p50, p50, p50, p99, p99, p99, p99, p50, 1),
                null, null, IntegrityErrors.NONE, 1000, null, null, null, null, null, null, null);
    }

    @Test
    void pairsEachCellWithItsOtherEngine() {
        List<EngineOverhead> rows = EngineOverhead.of(List.of(
                cell("tcp", "raw", 64, 4_000, 5_000, CellResult.OK),
                cell("tcp", "jdk", 64, 4_300, 5_900, CellResult.OK),
                cell("tcp", "jdk", 1024, 4_500, 6_000, CellResult.OK),
                cell("udp", "raw", 64, 3_000, 4_000, CellResult.OK),
                cell("udp", "jdk", 64, 3_600, 4_400, CellResult.FAILED)));

        assertEquals(1, rows.size(), "tcp 1 KiB has no raw cell, udp's jdk cell failed");
        EngineOverhead tcp = rows.get(0);
        assertEquals("tcp", tcp.transport());
        assertEquals(300, tcp.p50OverheadNs());
        assertEquals(900, tcp.p99OverheadNs());
        assertTrue(SummaryTable.render(List.of(cell("tcp", "raw", 64, 4_000, 5_000, CellResult.OK),
                cell("tcp", "jdk", 64, 4_300, 5_900, CellResult.OK)), List.of()).contains("JVM overhead"));
    }

    @Test
    void oneEngineHasNoOverheadTable() {
        assertTrue(EngineOverhead.of(List.of(cell("tcp", "raw", 64, 4_000, 5_000, CellResult.OK))).isEmpty());
    }
}
