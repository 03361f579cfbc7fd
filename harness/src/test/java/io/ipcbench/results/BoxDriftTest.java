package io.ipcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.ipcbench.results.CellMode;

@Timeout(10)
class BoxDriftTest {
    /** Latency cells in run order, each with a canary of the given microseconds before and after. */
    private static List<CellResult> cells(double... canaryMicros) {
        List<CellResult> cells = new ArrayList<>();
        for (double micros : canaryMicros) {
            long ns = Math.round(micros * 1_000);
            cells.add(new CellResult("tcp", "raw", CellMode.LATENCY.label(), 64, 1, cells.size(), new Placement(0, 1),
                    CellResult.OK, null, null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, 0, null, null, null,
                    null, new Canary(ns, ns), null, null));
        }
        return cells;
    }

    @Test
    void aRunThatGotSlowerSaysByHowMuchFromFirstToLastQuarter() {
        BoxDrift drift = BoxDrift.of(cells(20, 20, 21, 21, 23, 23, 25, 25));
        assertEquals(20, drift.firstQuarterNs() / 1_000, 1e-9);
        assertEquals(25, drift.lastQuarterNs() / 1_000, 1e-9);
        assertEquals(0.25, drift.change(), 1e-9);
        assertEquals("the box itself changed by +25% during this run (box canary 20.0 µs in its first quarter of "
                + "cells, 25.0 µs in its last)", drift.sentence());
    }

    @Test
    void oneCellsCanaryOutOfLineIsNoise() {
        BoxDrift drift = BoxDrift.of(cells(20, 20, 30, 20, 20));
        assertEquals(0, drift.change(), 1e-9);
        assertNull(drift.sentence(), "a thousand round trips have noise of their own");
    }

    @Test
    void aSteadyBoxSaysNothing() {
        assertNull(BoxDrift.of(cells(20, 20.5, 21, 20.2, 20.8)).sentence());
        assertNull(BoxDrift.of(cells(20, 30, 40)), "too few cells for quarters");
        assertNull(BoxDrift.of(List.of()));
    }
}
