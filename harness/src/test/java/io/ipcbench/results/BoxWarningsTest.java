package io.ipcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.ipcbench.results.Box.CpuPair;
import io.ipcbench.results.Box.CpuState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.ipcbench.results.CellMode;

/** Each warning appears when its condition holds, says what to do, and a well-set box gets none. */
@Timeout(10)
class BoxWarningsTest {
    private static CpuState cpu(int cpu, String role, String governor, long idleExitMicros) {
        return new CpuState(cpu, role, governor, 3_000_000L, 3_000_000L, 3_000_000L, "C1", idleExitMicros);
    }

    /** A box set up the way the warnings ask: nothing to say about it. */
    private static Box quietBox() {
        return new Box(List.of(cpu(2, "client", "performance", 1), cpu(3, "peer", "performance", 1)),
                new CpuPair(2, 3, false, true, List.of("L3 Unified")), "off", Box.NONE, Map.of(),
                Map.of("isolcpus", "2,3", "nohz_full", "2,3", "mitigations", Box.NOT_SET), "madvise", Map.of(), 0.1);
    }

    private static Environment environment(Box box, String clockSource) {
        return new Environment("box", "6.1", "cpu", 4, "vendor", "17", List.of(), "0.1", null, Map.of(), 65536,
                clockSource, null, List.of(), box);
    }

    private static Box with(Box b, List<CpuState> cpus, CpuPair pair, String turbo, String hypervisor,
                            Map<String, String> parameters, Double load) {
        return new Box(cpus, pair, turbo, hypervisor, b.vulnerabilities(), parameters, b.transparentHugePages(),
                b.tcpSettings(), load);
    }

    @Test
    void aWellSetBoxGetsNoWarning() {
        assertEquals(List.of(), BoxWarnings.ofBox(environment(quietBox(), "tsc")));
    }

    @Test
    void aRunFromBeforeTheBoxWasReadGetsNoWarning() {
        assertEquals(List.of(), BoxWarnings.ofBox(environment(null, "tsc")));
    }

    @Test
    void eachProblemGetsItsWarning() {
        Box q = quietBox();
        Box box = with(q, List.of(cpu(0, "client", "performance", 1), cpu(1, "peer", "powersave", 133)),
                new CpuPair(0, 1, true, true, List.of("L1 Data", "L2 Unified")), "on", "KVM",
                Map.of("isolcpus", Box.NOT_SET, "nohz_full", Box.NOT_SET, "mitigations", Box.NOT_SET), 3.5);

        List<String> warnings = BoxWarnings.ofBox(environment(box, "hpet"));

        assertEquals(8, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).startsWith("CPU 1's governor is powersave: "), warnings.get(0));
        assertTrue(warnings.get(0).contains("cpupower frequency-set -g performance"));
        assertTrue(warnings.get(1).startsWith("turbo boost is on"), warnings.get(1));
        assertTrue(warnings.get(2).startsWith("CPU 1 may sleep in C1, which takes 133 µs to wake from"), warnings.get(2));
        assertTrue(warnings.get(3).startsWith("CPUs 0 and 1 are SMT siblings"), warnings.get(3));
        assertTrue(warnings.get(4).contains("add isolcpus=0,1 nohz_full=0,1"), warnings.get(4));
        assertTrue(warnings.get(5).startsWith("this is a virtual machine (KVM)"), warnings.get(5));
        assertTrue(warnings.get(6).startsWith("the clock source is hpet"), warnings.get(6));
        assertTrue(warnings.get(7).startsWith("the load average is 3.50 on 4 CPUs"), warnings.get(7));
    }

    @Test
    void cpusIsolatedForOtherWorkAreNotTheOnesPinned() {
        Box q = quietBox();
        Box isolatedElsewhere = with(q, q.cpus(), q.pair(), "off", Box.NONE,
                Map.of("isolcpus", "domain,managed_irq,4-7", "nohz_full", "4-7", "mitigations", Box.NOT_SET), 0.1);

        assertEquals(List.of("CPUs 2 and 3 are not isolated: other tasks and interrupts may run there; for the "
                + "steadiest figures add isolcpus=2,3 nohz_full=2,3 to the kernel command line"),
                BoxWarnings.ofBox(environment(isolatedElsewhere, "tsc")));
    }

    @Test
    void cpusSharingAGovernorAreNamedTogether() {
        Box q = quietBox();
        Box box = with(q, List.of(cpu(0, null, "ondemand", 1), cpu(1, null, "ondemand", 1), cpu(2, null, "ondemand", 1)),
                null, "off", Box.NONE, q.kernelParameters(), 0.0);

        assertEquals(List.of("the governor of CPUs 0, 1 and 2 is ondemand: the clock follows the load; set it to "
                + "performance (cpupower frequency-set -g performance)"), BoxWarnings.ofBox(environment(box, "tsc")));
    }

    @Test
    void stealAndBusyNeighboursMakeACellDoubtful() {
        CellResult cell = new CellResult("tcp", "raw", CellMode.LATENCY.label(), 64, 1, 0, new Placement(0, 1),
                CellResult.OK, null, null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, 0, null, null, null, null,
                null, null, new CellLoad(0.5, 6.2, 40.0));

        assertEquals(List.of("steal time was 6% during tcp 64 B: its figures are unreliable",
                "the other CPUs were 40% busy during tcp 64 B: other work shared caches, memory and interrupts with it"),
                BoxWarnings.ofCell(cell));
        CellResult calm = new CellResult("tcp", "raw", CellMode.LATENCY.label(), 64, 1, 0, new Placement(0, 1),
                CellResult.OK, null, null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, 0, null, null, null, null,
                null, null, new CellLoad(0.5, 4.9, 24.0));
        assertEquals(List.of(), BoxWarnings.ofCell(calm));
    }

    @Test
    void aCellIsDescribedByWhatSetsItApart() {
        CellResult cell = new CellResult("unix-stream", "jdk", CellMode.THROUGHPUT.label(), 16_384, 8, 2, null,
                CellResult.OK, null, null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, 0, null, null, null, null,
                null, null, null);
        assertEquals("unix-stream jdk 16 KiB × 8 connections throughput, repetition 3", BoxWarnings.describe(cell));
    }
}
