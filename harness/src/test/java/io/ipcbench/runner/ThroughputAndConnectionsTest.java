package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.Throughput;
import io.ipcbench.transport.Transports;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput cells and many-connection cells against real peer processes: the totals add up,
 * each connection gets its histogram, and a peer that dies mid-cell fails only its cell.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThroughputAndConnectionsTest {
    @TempDir
    Path folder;

    private RunResult run(RunConfig config, PeerLauncher launcher) throws IOException {
        try (Sweep sweep = new Sweep(config, Transports::of, launcher, NanoClock.SYSTEM, RunListener.SILENT,
                Sweep.Probes.NONE)) {
            return sweep.run(folder, "test");
        }
    }

    private static RunConfig.Builder config(List<String> transports) {
        return RunConfig.builder().transports(transports).sizes(List.of(64)).iterations(2_000).warmupIterations(500)
                .outputDirectory("unused");
    }

    @Test
    void throughputTotalsAddUp() throws IOException {
        RunConfig config = config(List.of("pipe", "fifo", "tcp", "udp", "unix-stream", "unix-dgram", "unix-seqpacket"))
                .sizes(List.of()).throughputSizes(List.of(64, 4096)).throughputMillis(300).build();
        RunResult run = run(config, new ProcessPeerLauncher());

        assertEquals(14, run.cells().size());
        for (CellResult cell : run.cells()) {
            assertTrue(cell.ok(), cell.transport() + " " + cell.size() + ": " + cell.error());
            assertEquals("throughput", cell.mode());
            assertTrue(cell.throughput().messages() > 0, cell.transport());
            // Bytes are counted as read, messages as parsed: a partial or doubled message shows here.
            assertEquals(cell.throughput().messages() * cell.size(), cell.throughput().bytes(),
                    cell.transport() + ": whole messages only");
            assertSeriesCoversTheMeasuredPart(cell);
            DatagramCounts d = cell.datagrams();
            if (d != null) {
                // The peer counts what it sent, this side what arrived (distinct sequence numbers).
                assertTrue(d.sent() > 0 && d.received() <= d.sent(), cell.transport() + ": " + d);
                assertTrue(d.received() >= cell.throughput().messages(), cell.transport()
                        + ": the measured part is part of what arrived: " + d);
            }
            if ("unix-dgram".equals(cell.transport()) || "unix-seqpacket".equals(cell.transport())) {
                assertEquals(0, d.lost(), cell.transport() + " blocks the sender rather than drop");
            }
        }
    }

    /** The samples follow one another from 0 to the end of the measured part, with no gap and no overlap. */
    private static void assertSeriesCoversTheMeasuredPart(CellResult cell) {
        List<Throughput.ThroughputSample> series = cell.throughput().series();
        assertFalse(series.isEmpty(), cell.transport());
        assertEquals(0.0, series.get(0).startSeconds(), cell.transport());
        for (int i = 1; i < series.size(); i++) {
            assertEquals(series.get(i - 1).endSeconds(), series.get(i).startSeconds(), cell.transport() + " " + i);
        }
        assertEquals(cell.throughput().seconds(), series.get(series.size() - 1).endSeconds(), 1e-9,
                cell.transport());
    }

    @Test
    void throughputOverManyConnectionsAddsUp() throws IOException {
        RunConfig config = config(List.of("tcp", "udp", "unix-dgram")).sizes(List.of()).throughputSizes(List.of(256))
                .throughputMillis(300).connections(List.of(4)).build();
        RunResult run = run(config, new ProcessPeerLauncher());

        assertEquals(3, run.cells().size());
        for (CellResult cell : run.cells()) {
            assertTrue(cell.ok(), cell.transport() + ": " + cell.error());
            assertEquals(4, cell.connections());
            assertEquals(cell.throughput().messages() * 256, cell.throughput().bytes());
            assertSeriesCoversTheMeasuredPart(cell);
            DatagramCounts d = cell.datagrams();
            if (d != null) {
                assertTrue(d.sent() > 0 && d.received() <= d.sent(), cell.transport() + ": " + d);
            }
        }
    }

    @Test
    void eachConnectionGetsItsOwnHistogram() throws IOException {
        RunConfig config = config(List.of("tcp", "unix-stream", "udp", "unix-dgram", "unix-seqpacket"))
                .connections(List.of(1, 8)).build();
        RunResult run = run(config, new ProcessPeerLauncher());

        assertEquals(10, run.cells().size());
        for (CellResult cell : run.cells()) {
            assertTrue(cell.ok(), cell.transport() + " " + cell.connections() + "c: " + cell.error());
            Path log = folder.resolve(cell.histogramLog());
            List<Histogram> connections = RunFolder.readConnectionHistograms(log);
            Histogram merged = new Histogram(3);
            RunFolder.readIntervals(log).forEach(merged::add);
            assertEquals(cell.latencyNs().count(), merged.getTotalCount(), "the intervals hold every round trip");
            if (cell.connections() == 1) {
                assertEquals(0, connections.size());
                assertNull(cell.perConnectionP99Ns());
            } else {
                assertEquals(8, connections.size(), cell.transport());
                assertEquals(merged.getTotalCount(), connections.stream().mapToLong(Histogram::getTotalCount).sum(),
                        cell.transport() + ": the connections' round trips add up to the cell's");
                assertNotNull(cell.perConnectionP99Ns());
                assertTrue(cell.perConnectionP99Ns().best() <= cell.perConnectionP99Ns().worst());
            }
            assertTrue(cell.roundTripsPerSec() > 0);
        }
    }

    @Test
    void aPeerThatDiesInAManyConnectionCellFailsOnlyThatCell() throws IOException {
        AtomicBoolean first = new AtomicBoolean(true);
        ProcessPeerLauncher real = new ProcessPeerLauncher();
        var timer = Executors.newSingleThreadScheduledExecutor();
        PeerLauncher killFirst = (PeerSpec spec, boolean stdio) -> {
            PeerHandle peer = real.launch(spec, stdio);
            if (first.getAndSet(false)) {
                timer.schedule(peer::kill, 1_500, TimeUnit.MILLISECONDS);
            }
            return peer;
        };
        RunConfig config = config(List.of("tcp", "unix-stream")).connections(List.of(32)).iterations(0)
                .durationMillis(4_000).build();
        RunResult run = run(config, killFirst);
        timer.shutdownNow();

        assertFalse(run.cells().get(0).ok());
        assertTrue(run.cells().get(0).error().contains("peer exited"), run.cells().get(0).error());
        assertTrue(run.cells().get(1).ok(), run.cells().get(1).error());
    }
}
