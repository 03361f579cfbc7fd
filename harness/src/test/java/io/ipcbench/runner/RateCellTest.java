package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate cells against real peers: pipes and FIFOs, which have two descriptors to wait on, keep
 * their schedule; and a UDP rate that overruns the socket buffers counts what it lost and ends.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RateCellTest {
    @TempDir
    Path folder;

    private RunResult run(RunConfig config, PeerLauncher launcher) throws IOException {
        try (Sweep sweep = new Sweep(config, Transports::of, launcher, NanoClock.SYSTEM, RunListener.SILENT,
                Sweep.Probes.NONE)) {
            return sweep.run(folder, "test");
        }
    }

    private static RunConfig.Builder config(List<String> transports, String rate) {
        return RunConfig.builder().transports(transports).sizes(List.of()).rateSizes(List.of(64))
                .rates(List.of(RequestedRate.parse(rate))).rateMillis(300).warmupMillis(100).canary(false)
                .outputDirectory("unused");
    }

    @Test
    void pipesAndFifosKeepTheirSchedule() throws IOException {
        RunResult run = run(config(List.of("pipe", "fifo"), "2000").build(), new ProcessPeerLauncher());

        assertEquals(2, run.cells().size());
        for (CellResult cell : run.cells()) {
            assertTrue(cell.ok(), cell.transport() + ": " + cell.error());
            assertEquals(2_000, cell.rate().targetPerSec());
            // A busy box may miss a few hundred microseconds; the count of replies must still be about 600.
            assertEquals(600, cell.latencyNs().count(), 30, cell.transport());
            assertEquals(cell.latencyNs().count(), cell.rate().rawNs().count(), "both histograms time every reply");
            Path log = folder.resolve(cell.histogramLog());
            assertFalse(RunFolder.readIntervals(log).isEmpty(), "intervals timed from the intended send");
            assertFalse(RunFolder.readRawIntervals(log).isEmpty(), "and from the actual send");
        }
    }

    @Test
    void aDatagramRateThatOverrunsTheSocketBuffersCountsItsLossesAndEnds() throws IOException {
        RunConfig config = config(List.of("udp"), "1m").receiveBufferBytes(4_096).sendBufferBytes(4_096)
                .receiveTimeoutMillis(10).build();
        RunResult run = run(config, new ProcessPeerLauncher());

        CellResult cell = run.cells().get(0);
        assertTrue(cell.ok(), "losses are results: " + cell.error());
        DatagramCounts d = cell.datagrams();
        assertTrue(d.lost() + d.late() > 0, "a million a second into 4 KiB buffers loses datagrams: " + d);
        assertEquals(d.sent(), d.received() + d.lost() + d.late(), "every datagram accounted for once: " + d);
        assertTrue(cell.rate().rateMissed(), "a lossy rate is not achieved");
    }
}
