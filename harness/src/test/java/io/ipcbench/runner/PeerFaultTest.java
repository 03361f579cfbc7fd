package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real peer processes that die or hang in the middle of a cell: the cell is failed with the
 * reason and what it measured, the sweep goes on, and no process, socket file or FIFO is left.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PeerFaultTest {
    @TempDir
    Path folder;

    /**
     * Launches real peers and kills the first one once its cell has been measuring for a while
     * (its interval log, still under a temporary name, has appeared), however slowly it started.
     */
    private final class KillFirstPeer implements PeerLauncher {
        private final ProcessPeerLauncher real = new ProcessPeerLauncher();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicBoolean killed = new AtomicBoolean();

        @Override
        public PeerHandle launch(io.ipcbench.peer.PeerSpec spec, boolean stdioChannel) throws IOException {
            PeerHandle peer = real.launch(spec, stdioChannel);
            if (killed.compareAndSet(false, true)) {
                timer.execute(() -> {
                    try {
                        while (!measuring()) {
                            Thread.sleep(10);
                        }
                        Thread.sleep(300);
                    } catch (InterruptedException | IOException e) {
                        return;
                    }
                    peer.kill();
                });
            }
            return peer;
        }

        private boolean measuring() throws IOException {
            try (var files = Files.list(folder)) {
                return files.anyMatch(p -> p.getFileName().toString().endsWith(".hlog.tmp"));
            }
        }
    }

    private RunResult run(RunConfig config, PeerLauncher launcher) throws IOException {
        try (Sweep sweep = new Sweep(config, Transports::of, launcher, NanoClock.SYSTEM, RunListener.SILENT,
                Sweep.Probes.NONE)) {
            return sweep.run(folder, "fault-test");
        }
    }

    @Test
    void aPeerThatDiesFailsItsCellAndTheSweepGoesOn() throws IOException {
        RunConfig config = RunConfig.builder().transports(List.of("unix-stream", "tcp")).sizes(List.of(64))
                .durationMillis(4_000).warmupIterations(1_000).outputDirectory(folder.toString()).build();
        RunResult run = run(config, new KillFirstPeer());

        CellResult killed = run.cells().get(0);
        assertFalse(killed.ok());
        assertTrue(killed.error().contains("peer exited"), killed.error());
        assertTrue(killed.latencyNs().count() > 0, "what was measured before the peer died is kept");
        assertTrue(Files.exists(folder.resolve(killed.histogramLog())), "and its interval log");
        CellResult next = run.cells().get(1);
        assertTrue(next.ok(), "the next cell runs: " + next.error());
    }

    @Test
    void aPeerThatHangsIsKilledAndItsCellFailed() throws IOException {
        // The peer waits 20 s before each echo; it is declared hung after 1 s of silence.
        RunConfig config = RunConfig.builder().transports(List.of("fifo", "udp")).sizes(List.of(64))
                .iterations(1_000).warmupIterations(10).peerDelayMicros(20_000_000).peerTimeoutMillis(1_000)
                .outputDirectory(folder.toString()).build();
        RunResult run = run(config, new ProcessPeerLauncher());

        for (CellResult cell : run.cells()) {
            assertFalse(cell.ok(), cell.transport());
            assertTrue(cell.error().contains("did not answer"), cell.transport() + ": " + cell.error());
        }
    }
}
