package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ipcbench.cli.SmallRun;
import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.peer.ThreadPeerLauncher;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.CpuCost;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.InMemoryTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the runner records about the box and each cell's CPU cost, in a real run with real peers. */
@Timeout(120)
class CellMeasuresTest {
    @Test
    void aRealRunRecordsTheBoxAndBothProcessesCostPerMessage() throws IOException {
        RunResult run = RunFolder.read(SmallRun.folder());

        assertEquals(ProcessPeerLauncher.DEFAULT_JVM_OPTIONS, run.environment().peerJvmFlags());
        String[] pin = SmallRun.pin().split(",");
        assertEquals(Integer.parseInt(pin[0]), run.environment().box().cpus().get(0).cpu());
        assertEquals(Integer.parseInt(pin[0]), run.environment().box().pair().client());
        assertEquals(Integer.parseInt(pin[1]), run.environment().box().pair().peer());
        for (CellResult cell : run.cells()) {
            CpuCost cost = cell.cpuCost();
            assertNotNull(cost, cell.key());
            assertNotNull(cost.client(), cell.key());
            assertNotNull(cost.peer(), "the peer is a process of its own: " + cell.key());
            long messages = cell.throughput() != null ? cell.throughput().messages() : cell.latencyNs().count();
            assertEquals(messages, cost.messages(), cell.key());
            assertTrue(messages > 0, cell.key());
            long cpuNs = cost.client().userNs() + cost.client().systemNs() + cost.peer().userNs() + cost.peer().systemNs();
            assertEquals(cpuNs / 1e3 / messages, cost.cpuMicrosPerMessage(), 1e-9, cell.key());
            assertEquals((double) (cost.client().contextSwitches() + cost.peer().contextSwitches()) / messages,
                    cost.contextSwitchesPerMessage(), 1e-9, cell.key());
            if (cell.throughput() == null) {
                // The peer waits in a blocking read for every request, thousands of times in the measured part.
                assertTrue(cost.peer().voluntarySwitches() > 0, "the peer's own threads are counted: " + cell.key());
            }
            assertNotNull(cell.boxLoad().loadAverageBefore(), cell.key());
            assertNotNull(cell.boxLoad().stealPercent(), cell.key());
        }
    }

    @Test
    void aPeerThatIsNotAProcessHasNoCostOfItsOwn(@TempDir Path folder) throws IOException {
        RunConfig config = RunConfig.builder().transports(List.of("tcp")).sizes(List.of(64)).iterations(2_000)
                .warmupIterations(0).outputDirectory(folder.toString()).build();
        RunResult run;
        try (Sweep sweep = new Sweep(config, (kind, engine) -> new InMemoryTransport(kind),
                new ThreadPeerLauncher(InMemoryTransport::new), NanoClock.SYSTEM, RunListener.SILENT,
                Sweep.Probes.NONE)) {
            run = sweep.run(folder, "in-memory");
        }

        CpuCost cost = run.cells().get(0).cpuCost();
        assertEquals(2_000, cost.messages());
        assertNotNull(cost.client());
        assertNull(cost.peer());
        assertNull(cost.cpuMicrosPerMessage());
        assertEquals(List.of(), run.environment().peerJvmFlags(), "the peer runs in this JVM");
    }
}
