package io.ipcbench.claims;

import static io.ipcbench.claims.ClaimsJudgeTest.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.ProbeResults.BoundaryProbe;
import io.ipcbench.results.ProbeResults.BulkTransfer;
import io.ipcbench.results.ProbeResults.DatagramLimit;
import io.ipcbench.results.ProbeResults.NagleProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The claims decided by counts and probes: udp reliability and size, boundaries, Nagle, bulk transfer. */
@Timeout(60)
class ProbeClaimsTest {
    @TempDir
    Path dir;

    private static final List<Integer> WRITES = List.of(100, 17, 300, 8, 64);

    private SyntheticRun run() throws IOException {
        return new SyntheticRun(dir.resolve("run"), 1);
    }

    private SyntheticRun withProbes(ProbeResults probes) throws IOException {
        return run().probes(probes);
    }

    private static ProbeResults boundaries(BoundaryProbe... probes) {
        return new ProbeResults(List.of(probes), List.of(), List.of(), List.of());
    }

    private static ProbeResults limits(DatagramLimit... limits) {
        return new ProbeResults(List.of(), List.of(limits), List.of(), List.of());
    }

    private static ProbeResults nagle(long offP50, long onP50) {
        return new ProbeResults(List.of(), List.of(), List.of(
                new NagleProbe(false, 16, 48, summary(40, offP50)),
                new NagleProbe(true, 16, 48, summary(2_000, onP50))), List.of());
    }

    private static ProbeResults bulk(BulkTransfer... transfers) {
        return new ProbeResults(List.of(), List.of(), List.of(), List.of(transfers));
    }

    private static LatencySummary summary(long count, long p50) {
        return new LatencySummary(count, p50, p50, p50, p50 * 2, p50 * 2, p50 * 2, p50 * 3, p50, 1);
    }

    private static BulkTransfer transfer(String transport, int blockSize, double seconds, long lost) {
        return new BulkTransfer(transport, "127.0.0.1", blockSize, 5_000, seconds, 5_000 - lost, lost, "ok", null);
    }

    // udp-same-host-reliable

    @Test
    void anyLostDatagramRefutesReliability() throws IOException {
        SyntheticRun run = run().latency("udp", 64, 8_000)
                .throughput("udp", 64, 1e8).datagrams(new DatagramCounts(100_000, 97_000, 3_000, 0, 12, 0));
        ClaimVerdict v = judge(run, Claim.UDP_SAME_HOST_RELIABLE);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict());
        assertTrue(v.summary().contains("3,000 lost, 0 duplicated and 12 reordered"), v.summary());
        assertTrue(v.summary().contains("flood at 64 B"), v.summary());
    }

    @Test
    void noLossInPingPongAloneIsInconclusive() throws IOException {
        ClaimVerdict v = judge(run().latency("udp", 64, 8_000), Claim.UDP_SAME_HOST_RELIABLE);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.summary().contains("flood"), v.summary());
    }

    @Test
    void noLossInPingPongAndFloodHolds() throws IOException {
        SyntheticRun run = run().latency("udp", 64, 8_000)
                .throughput("udp", 64, 1e8).datagrams(new DatagramCounts(100_000, 100_000, 0, 0, 0, 0));
        ClaimVerdict v = judge(run, Claim.UDP_SAME_HOST_RELIABLE);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary());
        assertTrue(v.samples() > 100_000, "every datagram sent counts");
    }

    // udp-size

    @Test
    void aLargeDatagramCrossingLoopbackRefutesTheSizeClaim() throws IOException {
        ClaimVerdict v = judge(withProbes(limits(new DatagramLimit("udp", 65_507, 65_508, "EMSGSIZE"))),
                Claim.UDP_SIZE);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict());
        assertTrue(v.summary().startsWith("A 65,507 B udp datagram crossed loopback"), v.summary());
    }

    @Test
    void aLimitNearOnePointFiveKilobytesHolds() throws IOException {
        ClaimVerdict v = judge(withProbes(limits(new DatagramLimit("udp", 1_472, 1_473, "EMSGSIZE"))), Claim.UDP_SIZE);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary());
    }

    @Test
    void aLargeUdpCellAloneRefutesTheSizeClaim() throws IOException {
        ClaimVerdict v = judge(run().latency("udp", 16_384, 20_000), Claim.UDP_SIZE);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("udp round-trip p50 at 16 KiB")),
                v.figures().toString());
    }

    @Test
    void smallUdpCellsWithoutTheProbeMeasureNothing() throws IOException {
        ClaimVerdict v = judge(run().latency("udp", 64, 8_000), Claim.UDP_SIZE);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.summary().contains("largest-datagram probe"), v.summary());
    }

    // boundaries

    @Test
    void datagramsKeepingBoundariesHold() throws IOException {
        ClaimVerdict v = judge(withProbes(boundaries(
                new BoundaryProbe("unix-seqpacket", WRITES, WRITES, true),
                new BoundaryProbe("udp", WRITES, WRITES, true),
                new BoundaryProbe("tcp", WRITES, List.of(489), false))), Claim.BOUNDARIES);
        assertEquals(ClaimVerdict.HOLDS, v.verdict());
        assertTrue(v.figures().contains("tcp: 5 writes (100, 17, 300, 8, 64 B) came out as 1 read (489 B): "
                + "boundaries lost"), v.figures().toString());
        assertEquals(15, v.samples());
    }

    @Test
    void aDatagramSocketSplittingWritesDoesNotHold() throws IOException {
        ClaimVerdict v = judge(withProbes(boundaries(
                new BoundaryProbe("unix-dgram", WRITES, List.of(117, 300, 72), false))), Claim.BOUNDARIES);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict());
    }

    @Test
    void onlyStreamsProbedIsInconclusive() throws IOException {
        ClaimVerdict v = judge(withProbes(boundaries(new BoundaryProbe("pipe", WRITES, List.of(489), false))),
                Claim.BOUNDARIES);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict());
    }

    @Test
    void sharedMemoryKeepsBoundariesButIsNoSocketSoItDecidesNothing() throws IOException {
        ClaimVerdict v = judge(withProbes(boundaries(new BoundaryProbe("shm", WRITES, WRITES, true),
                new BoundaryProbe("pipe", WRITES, List.of(489), false))), Claim.BOUNDARIES);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().startsWith("No datagram or seqpacket socket was probed"), v.summary());
        assertTrue(v.figures().contains("shm: 5 writes (100, 17, 300, 8, 64 B) came out as 5 reads "
                + "(100, 17, 300, 8, 64 B): boundaries kept"), v.figures().toString());
    }

    // nagle

    @Test
    void delayedAckStallsHold() throws IOException {
        ClaimVerdict v = judge(withProbes(nagle(40_000_000, 10_000)), Claim.NAGLE);
        assertEquals(ClaimVerdict.HOLDS, v.verdict());
        assertTrue(v.figures().get(0).startsWith("TCP_NODELAY off / on round-trip p50 = 4000 (40.0 ms vs 10.00 µs)"),
                v.figures().get(0));
        assertEquals(2_040, v.samples());
    }

    @Test
    void noDifferenceDoesNotHold() throws IOException {
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, judge(withProbes(nagle(11_000, 10_000)), Claim.NAGLE).verdict());
    }

    @Test
    void aModestSlowdownIsInconclusive() throws IOException {
        assertEquals(ClaimVerdict.INCONCLUSIVE, judge(withProbes(nagle(30_000, 10_000)), Claim.NAGLE).verdict());
    }

    @Test
    void oneSideOfTheNagleProbeMeasuresNothing() throws IOException {
        ProbeResults onlyOn = new ProbeResults(List.of(), List.of(), List.of(new NagleProbe(true, 16, 48, summary(100, 10_000))),
                List.of());
        ClaimVerdict v = judge(withProbes(onlyOn), Claim.NAGLE);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.summary().contains("Nagle probe"), v.summary());
    }

    // tcp-bulk

    @Test
    void tcpKeepingUpWithALossyUdpHolds() throws IOException {
        ClaimVerdict v = judge(withProbes(bulk(
                transfer("tcp", 1_440, 0.010, 0), transfer("udp", 1_440, 0.0098, 150),
                transfer("tcp", 300, 0.004, 0), transfer("udp", 300, 0.004, 0),
                new BulkTransfer("tcp", "10.0.0.5", 1_440, 5_000, 0, 0, 0, "skipped", "no non-loopback address"))),
                Claim.TCP_BULK);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + v.figures());
        assertTrue(v.figures().stream().anyMatch(f -> f.contains("udp lost 150 of 5,000 blocks")),
                v.figures().toString());
        assertTrue(v.figures().stream().anyMatch(f -> f.contains("skipped: no non-loopback address")),
                v.figures().toString());
    }

    @Test
    void tcpTwiceAsSlowDoesNotHold() throws IOException {
        ClaimVerdict v = judge(withProbes(bulk(transfer("tcp", 1_440, 0.020, 0), transfer("udp", 1_440, 0.010, 0))),
                Claim.TCP_BULK);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict());
    }

    @Test
    void onlySkippedTransfersMeasureNothing() throws IOException {
        ClaimVerdict v = judge(withProbes(bulk(
                new BulkTransfer("udp", "10.0.0.5", 300, 5_000, 0, 0, 0, "skipped", "no non-loopback address"))),
                Claim.TCP_BULK);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertEquals(1, v.figures().size(), "the skipped transfer is still shown");
    }
}
