package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.ThreadPeerLauncher;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.InMemoryTransport;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's sequence, with an in-memory transport and a fake clock: no sockets, no processes,
 * and every round trip takes exactly one tick, so counts and values are known in advance.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SweepTest {
    private static final long TICK = 1_000;

    @TempDir
    Path folder;

    /** A clock that moves one tick per reading: each round trip (two readings) measures one tick. */
    private static NanoClock fakeClock() {
        long[] now = {0};
        return () -> now[0] += TICK;
    }

    private RunResult run(RunConfig config, Function<TransportKind, Transport> transports) throws IOException {
        try (Sweep sweep = new Sweep(config, (kind, engine) -> transports.apply(kind),
                new ThreadPeerLauncher(transports), fakeClock(), RunListener.SILENT, Sweep.Probes.NONE)) {
            return sweep.run(folder, "test-run");
        }
    }

    private static RunConfig.Builder config() {
        return RunConfig.builder().transports(List.of("tcp")).sizes(List.of(64)).iterations(5_000)
                .warmupIterations(700).outputDirectory("unused");
    }

    @Test
    void recordsEveryMeasuredRoundTripAndNoWarmUp() throws IOException {
        RunResult run = run(config().sizes(List.of(64, 1024)).build(), kind -> new InMemoryTransport(kind));

        assertEquals(2, run.cells().size());
        for (CellResult cell : run.cells()) {
            assertTrue(cell.ok(), cell.error());
            assertEquals(5_000, cell.latencyNs().count(), "measured round trips, warm-up excluded");
            assertEquals(700, cell.warmup().count());
            assertEquals(TICK, cell.latencyNs().p50());
            assertEquals(TICK, cell.latencyNs().max());
            assertEquals(0, cell.errors().total());
            assertNull(cell.datagrams(), "tcp keeps no datagram accounting");
        }
        assertNotNull(run.finishedAt());
    }

    @Test
    void savesARunFolderThatReadsBackWithTheSameTotals() throws IOException {
        RunResult written = run(config().build(), kind -> new InMemoryTransport(kind));

        RunResult read = RunFolder.read(folder);
        assertEquals(written, read);
        CellResult cell = read.cells().get(0);
        assertEquals("tcp_64B_1c_latency.hlog", cell.histogramLog());
        Histogram total = new Histogram(3);
        for (Histogram interval : RunFolder.readIntervals(folder.resolve(cell.histogramLog()))) {
            total.add(interval);
        }
        assertEquals(cell.latencyNs().count(), total.getTotalCount());
        assertEquals(cell.latencyNs().max(), total.getMaxValue());
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void countsLostDatagramsAndGoesOn() throws IOException {
        RunConfig config = config().transports(List.of("udp")).iterations(1_000).warmupIterations(0)
                .receiveTimeoutMillis(5).build();
        RunResult run = run(config, kind -> new InMemoryTransport(kind, 10, 0));

        CellResult cell = run.cells().get(0);
        assertTrue(cell.ok(), "losses on UDP are results, not failures: " + cell.error());
        assertEquals(1_000, cell.datagrams().sent());
        assertEquals(100, cell.datagrams().lost(), "the dropped messages are never seen");
        // On a busy box a reply can miss the 5 ms timeout: then it is late, counted once, not lost.
        assertEquals(900, cell.datagrams().received() + cell.datagrams().late());
        assertEquals(cell.datagrams().received(), cell.latencyNs().count(), "a cut-off round trip is not recorded");
    }

    @Test
    void failsACellWhoseRepliesAreCorruptButKeepsItsData() throws IOException {
        RunResult run = run(config().iterations(1_000).warmupIterations(0).build(),
                kind -> new InMemoryTransport(kind, 0, 100));

        CellResult cell = run.cells().get(0);
        assertFalse(cell.ok());
        assertEquals(10, cell.errors().wrongContent());
        assertTrue(cell.error().contains("integrity"), cell.error());
        assertEquals(1_000, cell.latencyNs().count(), "what was measured is kept");
        assertNotNull(cell.histogramLog());
    }

    @Test
    void stopsAtTheDurationOnItsOwnClock() throws IOException {
        // 1 ms at one tick (1 µs) per reading and two readings per round trip: about 500 round trips.
        RunResult run = run(config().durationMillis(1).warmupIterations(0).build(), kind -> new InMemoryTransport(kind));

        long count = run.cells().get(0).latencyNs().count();
        assertTrue(count >= 499 && count <= 501, "round trips in 1 ms of fake time: " + count);
    }
}
