package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.command.ExitCode;
import io.ipcbench.os.NetworkNamespace;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect cells on real peers: every operation is counted and its connect alone logged under its
 * tag, TIME_WAIT is counted on the side that closed first, and a client that runs out of local
 * ports ends its cell with the reason instead of hanging.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectRunTest {
    @TempDir
    Path dir;

    @Test
    void countsOperationsLogsTheConnectAloneAndCountsTimeWait() throws IOException {
        Path out = dir.resolve("run");
        CommandRun run = CommandRun.of("run", "--transports", "tcp,unix-seqpacket,udp", "--sizes", "none",
                "--connect-sizes", "64", "--connections", "1,3", "--iterations", "300", "--warmup", "100",
                "--no-canary", "--out", out.toString());

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("udp connect cells: udp is connectionless"), run.out());
        RunResult result = RunFolder.read(out);
        assertEquals(4, result.cells().size(), "tcp and unix-seqpacket at 1 and 3 loops; udp sets nothing up");
        for (CellResult cell : result.cells()) {
            String name = cell.transport() + " with " + cell.connections() + " loops";
            assertEquals(CellMode.CONNECT, cell.cellMode());
            assertTrue(cell.ok(), name + ": " + cell.error());
            long operations = cell.latencyNs().count();
            // Operations under way when the count is reached finish and are recorded: up to one per other loop.
            assertTrue(operations >= 300 && operations < 300 + cell.connections(), name + ": " + operations);
            assertEquals(operations, cell.setUp().connectNs().count(), name + ": a connect alone per operation");
            assertTrue(cell.setUp().connectNs().p50() <= cell.latencyNs().p50(), name);
            List<Histogram> connects = RunFolder.readTagged(out.resolve(cell.histogramLog()), RunFolder.CONNECT_TAG);
            assertEquals(operations, connects.stream().mapToLong(Histogram::getTotalCount).sum(), name);
            assertEquals(operations, RunFolder.readIntervals(out.resolve(cell.histogramLog())).stream()
                    .mapToLong(Histogram::getTotalCount).sum(), name + ": the untagged intervals are the operations");
            assertEquals("client", cell.setUp().closer());
            if (cell.transport().equals("tcp")) {
                // The client closed first: every connection it made (warm-up's too) waits out TIME_WAIT here.
                assertTrue(cell.setUp().timeWaitClient() >= operations, name + ": " + cell.setUp());
                assertEquals(0, cell.setUp().timeWaitPeer(), name);
            } else {
                assertNull(cell.setUp().timeWaitClient(), "a Unix socket has no TIME_WAIT");
            }
        }
    }

    @Test
    void thePeerClosingFirstKeepsTimeWaitAndAResetKeepsNone() throws IOException {
        Path peerFirst = dir.resolve("peer-first");
        Path reset = dir.resolve("reset");
        CommandRun closedByPeer = CommandRun.of("run", "--transports", "tcp", "--sizes", "none", "--connect-sizes",
                "64", "--closer", "peer", "--iterations", "200", "--warmup", "50", "--no-canary", "--quiet", "--out",
                peerFirst.toString());
        CommandRun resetByClient = CommandRun.of("run", "--transports", "tcp", "--sizes", "none", "--connect-sizes",
                "64", "--linger0", "--iterations", "200", "--warmup", "6000", "--no-canary", "--quiet", "--out",
                reset.toString());

        assertEquals(ExitCode.OK, closedByPeer.exitCode(), closedByPeer.err());
        CellResult byPeer = RunFolder.read(peerFirst).cells().get(0);
        assertTrue(byPeer.ok(), byPeer.error());
        assertEquals("peer", byPeer.setUp().closer());
        assertTrue(byPeer.setUp().timeWaitPeer() >= byPeer.latencyNs().count(), byPeer.setUp().toString());
        assertEquals(0, byPeer.setUp().timeWaitClient(), byPeer.setUp().toString());

        assertEquals(ExitCode.OK, resetByClient.exitCode(), resetByClient.err());
        CellResult byReset = RunFolder.read(reset).cells().get(0);
        assertTrue(byReset.ok(), byReset.error());
        assertTrue(byReset.setUp().linger0());
        assertEquals(5_000, byReset.warmup().count(), "a connect cell warms up on 5,000 operations at most: each "
                + "connection the client closes would hold a local port for a minute");
        assertEquals(0, byReset.setUp().timeWaitClient(), "a reset leaves no TIME_WAIT: " + byReset.setUp());
        assertEquals(0, byReset.setUp().timeWaitPeer(), byReset.setUp().toString());
    }

    @Test
    void runningOutOfLocalPortsEndsTheCellWithTheReason() throws Exception {
        String unavailable = NetworkNamespace.whyUnavailable();
        assumeTrue(unavailable == null, "skipped: " + unavailable);
        // A namespace of its own with ten local ports, none reused from TIME_WAIT: a tiny box's worth.
        String namespace = "ipcbench-test-ports-" + ProcessHandle.current().pid();
        run(List.of("ip", "netns", "add", namespace));
        try {
            run(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
            run(List.of("ip", "netns", "exec", namespace, "sysctl", "-q", "-w",
                    "net.ipv4.ip_local_port_range=40000 40009", "net.ipv4.tcp_tw_reuse=0"));
            Path out = dir.resolve("run");
            Process ipcbench = new ProcessBuilder("ip", "netns", "exec", namespace,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "run", "--transports", "tcp",
                    "--sizes", "none", "--connect-sizes", "64", "--iterations", "1000", "--warmup", "0", "--no-canary",
                    "--quiet", "--out", out.toString()).redirectErrorStream(true).start();
            String said = new String(ipcbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ipcbench.waitFor(60, TimeUnit.SECONDS), "the run ends: " + said);

            assertEquals(ExitCode.CELL_FAILED, ipcbench.exitValue(), said);
            CellResult cell = RunFolder.read(out).cells().get(0);
            assertFalse(cell.ok());
            assertTrue(cell.error().contains("ran out of local ports") && cell.error().contains("EADDRNOTAVAIL")
                    && cell.error().contains("40000-40009"), cell.error());
        } finally {
            new ProcessBuilder("ip", "netns", "delete", namespace).start().waitFor();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
