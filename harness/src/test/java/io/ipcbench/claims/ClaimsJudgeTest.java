package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The comparison claims on synthetic runs: clear differences decide, sameness and thin evidence do not. */
@Timeout(60)
class ClaimsJudgeTest {
    @TempDir
    Path dir;

    static List<ClaimVerdict> judge(SyntheticRun run) {
        return new ClaimsJudge(ClaimSettings.defaults()).judge(run.build(), run.folder());
    }

    static ClaimVerdict verdict(List<ClaimVerdict> verdicts, Claim claim) {
        return verdicts.stream().filter(v -> v.id().equals(claim.id())).findFirst().orElseThrow();
    }

    static ClaimVerdict judge(SyntheticRun run, Claim claim) {
        return verdict(judge(run), claim);
    }

    private SyntheticRun run(String name, long seed) throws IOException {
        return new SyntheticRun(dir.resolve(name), seed);
    }

    @Test
    void everyClaimIsJudgedInClaimsOrderWithItsId() throws IOException {
        List<ClaimVerdict> verdicts = judge(run("empty", 1));
        assertEquals(List.of("uds-latency", "uds-throughput", "tcp-many-connections", "udp-latency",
                        "udp-same-host-reliable", "udp-size", "boundaries", "pipe-vs-uds", "tcp-bulk", "nagle"),
                verdicts.stream().map(ClaimVerdict::id).toList());
        assertEquals(Arrays.stream(Claim.values()).map(Claim::text).toList(),
                verdicts.stream().map(ClaimVerdict::claim).toList());
    }

    @Test
    void aRunWithoutDataMeasuresNothingAndSaysWhatIsNeeded() throws IOException {
        for (ClaimVerdict v : judge(run("empty", 1))) {
            assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict(), v.id());
            assertTrue(v.summary().startsWith("not measured in this run: needs "), v.summary());
            assertEquals(0, v.samples(), v.id());
        }
    }

    @Test
    void aClearlyFasterUnixSocketHoldsAtEverySize() throws IOException {
        SyntheticRun run = run("fast", 1)
                .latency("unix-stream", 64, 5_000, 20).latency("tcp", 64, 10_000, 20)
                .latency("unix-stream", 16_384, 8_000, 20).latency("tcp", 16_384, 16_000, 20);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + "\n" + v.figures());
        assertEquals(4, v.figures().size(), v.figures().toString());
        assertTrue(v.figures().get(0).startsWith("unix-stream / tcp round-trip p50 = 0.50, 95% CI 0."),
                v.figures().get(0));
        assertTrue(v.figures().get(0).contains("64 B, 1 connection, placement 0,1"), v.figures().get(0));
        assertEquals(80, v.samples(), "four cells of 20 intervals");
        assertEquals(1, v.repetitions());
        assertTrue(v.scope().contains("sizes 64 B, 16 KiB") && v.scope().contains("kernel 6.1.0-test"), v.scope());
    }

    @Test
    void aClearlySlowerUnixSocketDoesNotHold() throws IOException {
        SyntheticRun run = run("slow", 2).latency("unix-stream", 64, 12_000, 20).latency("tcp", 64, 6_000, 20);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict(), v.summary());
        assertTrue(v.figures().get(0).startsWith("unix-stream / tcp round-trip p50 = 2.0"), v.figures().get(0));
    }

    @Test
    void identicalDistributionsAreInconclusive() throws IOException {
        // The same seed for both sides: the very same samples, a ratio of exactly 1.
        SyntheticRun same = new SyntheticRun(dir.resolve("same-a"), 7).latency("unix-stream", 64, 8_000, 20);
        SyntheticRun twin = new SyntheticRun(dir.resolve("same-a"), 7).latency("tcp", 64, 8_000, 20);
        RunResult a = same.build();
        RunResult both = new RunResult(a.schema(), a.id(), a.startedAt(), a.finishedAt(), a.config(),
                a.calibration(), a.environment(), List.of(a.cells().get(0), twin.build().cells().get(0)), a.probes(),
                List.of());
        ClaimVerdict v = verdict(new ClaimsJudge(ClaimSettings.defaults()).judge(both, same.folder()),
                Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("CI straddles 1"), v.summary());
    }

    @Test
    void drawsFromTheSameDistributionAreInconclusive() throws IOException {
        SyntheticRun run = run("draws", 3).latency("unix-stream", 64, 8_000, 30).latency("tcp", 64, 8_000, 30);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary() + "\n" + v.figures());
    }

    @Test
    void oneUnpinnedRunIsNeverEnough() throws IOException {
        SyntheticRun run = run("unpinned", 4).unpinned()
                .latency("unix-stream", 64, 5_000, 20).latency("tcp", 64, 10_000, 20);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("unpinned, one repetition"), v.summary());
        assertTrue(v.figures().get(0).contains("= 0.50"), "the figures still show what was measured");
    }

    @Test
    void repeatedUnpinnedRunsCanDecide() throws IOException {
        SyntheticRun run = run("repeated", 5).unpinned();
        for (int r = 0; r < 2; r++) {
            run.latency("unix-stream", 64, 1, r, 5_000, 10, 1_000).latency("tcp", 64, 1, r, 10_000, 10, 1_000);
        }
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary());
        assertEquals(2, v.repetitions());
        assertEquals(40, v.samples(), "two repetitions of 10 intervals a side, pooled");
    }

    @Test
    void tooFewIntervalsAreSaidNotGuessed() throws IOException {
        SyntheticRun run = run("short", 6).latency("unix-stream", 64, 5_000, 3).latency("tcp", 64, 10_000, 20);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.summary().contains("too few intervals"), v.summary());
        assertTrue(v.figures().get(0).contains("3 and 20 intervals"), v.figures().get(0));
    }

    @Test
    void mixedSizesAreInconclusiveWithTheBreakdown() throws IOException {
        SyntheticRun run = run("mixed", 8)
                .latency("udp", 64, 5_000, 20).latency("tcp", 64, 10_000, 20)
                .latency("udp", 16_384, 20_000, 20).latency("tcp", 16_384, 10_000, 20);
        ClaimVerdict v = judge(run, Claim.UDP_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.summary().contains("holds in 2 (p50 at 64 B and p99 at 64 B)"), v.summary());
        assertTrue(v.summary().contains("does not hold in 2 (p50 at 16 KiB and p99 at 16 KiB)"), v.summary());
    }

    @Test
    void aMissingCounterpartIsNotMeasuredAndSaysWhy() throws IOException {
        SyntheticRun run = run("alone", 9).latency("unix-stream", 64, 5_000, 20).latency("tcp", 1_024, 10_000, 20);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.figures().get(0).contains("no tcp cell at the same size"), v.figures().toString());
    }

    @Test
    void aMissingIntervalLogIsReportedAndDecidesNothing() throws IOException {
        SyntheticRun run = run("nolog", 10).latency("unix-stream", 64, 5_000, 20).latency("tcp", 64, 10_000, 20);
        Files.delete(run.folder().resolve("tcp_64B_1c_latency.hlog"));
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.figures().get(0).contains("is missing"), v.figures().get(0));
    }

    @Test
    void failedCellsAreLeftOutAndNamed() throws IOException {
        SyntheticRun run = run("failed", 11).latency("unix-stream", 64, 5_000, 20).latency("tcp", 64, 10_000, 20)
                .latency("tcp", 1_024, 10_000, 20).failed("the peer died (exit code 1)");
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary());
        assertTrue(v.figures().stream()
                        .anyMatch(f -> f.startsWith("not used: tcp 1 KiB 1c latency r0 failed: the peer")),
                v.figures().toString());
    }

    @Test
    void moreThroughputOverUnixSocketsHolds() throws IOException {
        SyntheticRun run = run("throughput", 12)
                .throughput("unix-stream", 65_536, 6.6e9, 20).throughput("tcp", 65_536, 5.3e9, 20);
        ClaimVerdict v = judge(run, Claim.UDS_THROUGHPUT);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + v.figures());
        assertTrue(v.figures().get(0).startsWith("unix-stream / tcp throughput = 1.2"), v.figures().get(0));
    }

    @Test
    void manyConnectionsNeedTheSweep() throws IOException {
        SyntheticRun run = run("one", 13).latency("tcp", 64, 10_000, 20).latency("unix-stream", 64, 5_000, 20);
        ClaimVerdict v = judge(run, Claim.TCP_MANY_CONNECTIONS);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.summary().contains("connections sweep"), v.summary());
    }

    @Test
    void tcpBeatingUnixSocketsAtOneConnectionCountIsEnough() throws IOException {
        SyntheticRun run = run("sweep", 14)
                .latency("tcp", 64, 8, 0, 10_000, 20, 2_000).latency("unix-stream", 64, 8, 0, 10_000, 20, 1_000)
                .latency("tcp", 64, 64, 0, 10_000, 20, 1_000).latency("unix-stream", 64, 64, 0, 10_000, 20, 1_000);
        ClaimVerdict v = judge(run, Claim.TCP_MANY_CONNECTIONS);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + v.figures());
        assertTrue(v.summary().contains("the claim needs only one"), v.summary());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("tcp / unix-stream round trips/s = ")
                && f.contains("64 B, 8 connections") && f.endsWith(": holds")), v.figures().toString());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("per-connection p99 (best / median / worst)")),
                v.figures().toString());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("largest tcp / unix-stream round trips/s ratio")),
                v.figures().toString());
    }

    @Test
    void unixSocketsWinningAtEveryConnectionCountDoesNotHold() throws IOException {
        SyntheticRun run = run("unixwins", 15)
                .latency("tcp", 64, 8, 0, 10_000, 20, 1_000).latency("unix-stream", 64, 8, 0, 10_000, 20, 2_000);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, judge(run, Claim.TCP_MANY_CONNECTIONS).verdict());
    }

    @Test
    void pipeFasterButThinnerIsInconclusive() throws IOException {
        SyntheticRun run = run("pipes", 16)
                .latency("pipe", 64, 3_000, 20).latency("unix-stream", 64, 4_000, 20)
                .throughput("pipe", 65_536, 2.2e9, 20).throughput("unix-stream", 65_536, 6.6e9, 20);
        ClaimVerdict v = judge(run, Claim.PIPE_VS_UDS);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("holds in 2 (pipe p50 at 64 B and pipe p99 at 64 B)"), v.summary());
        assertTrue(v.summary().contains("does not hold in 1 (pipe throughput at 64 KiB)"), v.summary());
    }

    @Test
    void theSameRunAndSeedGiveTheSameVerdicts() throws IOException {
        SyntheticRun run = run("again", 17).latency("unix-stream", 64, 8_000, 20).latency("tcp", 64, 8_100, 20);
        assertEquals(judge(run), judge(run));
    }
}
