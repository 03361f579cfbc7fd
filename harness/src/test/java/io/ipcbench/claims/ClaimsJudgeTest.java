package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.ipcbench.cli.AdviceCheck;
import io.ipcbench.command.Advice;
import io.ipcbench.results.ClaimComparison;
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
        return new ClaimsJudge(ClaimSettings.defaults()).judge(run.build());
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
                        "udp-same-host-reliable", "udp-size", "boundaries", "pipe-vs-uds", "tcp-bulk", "nagle",
                        "uds-under-load", "shm-floor", "tcp-setup"),
                verdicts.stream().map(ClaimVerdict::id).toList());
        assertEquals(Arrays.stream(Claim.values()).map(Claim::text).toList(),
                verdicts.stream().map(ClaimVerdict::claim).toList());
    }

    @Test
    void aRunWithoutDataMeasuresNothingAndSaysWhatIsNeeded() throws IOException {
        for (ClaimVerdict v : judge(run("empty", 1))) {
            assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict(), v.id());
            Claim claim = Claim.valueOf(v.id().toUpperCase(Locale.ROOT).replace('-', '_'));
            Needs needs = ClaimsJudge.evaluator(claim).needs();
            assertEquals("not measured in this run: needs " + needs.text(), v.summary());
            assertEquals(0, v.samples(), v.id());
        }
    }

    @Test
    void whatEachClaimNeedsIsARunTheCommandLineTakes() {
        for (Claim claim : Claim.values()) {
            AdviceCheck.parses(ClaimsJudge.evaluator(claim).needs().advice());
        }
    }

    @Test
    void aClearlyFasterUnixSocketHoldsAtEverySize() throws IOException {
        SyntheticRun run = run("fast", 1)
                .latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000)
                .latency("unix-stream", 16_384, 8_000).latency("tcp", 16_384, 16_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + "\n" + v.figures());
        assertEquals(4, v.figures().size(), v.figures().toString());
        assertTrue(v.figures().get(0).startsWith("unix-stream / tcp round-trip p50 = 0.5"), v.figures().get(0));
        assertTrue(v.figures().get(0).contains("95% CI 0."), v.figures().get(0));
        assertTrue(v.figures().get(0).contains("64 B, 1 connection, placement 0,1"), v.figures().get(0));
        assertTrue(v.figures().get(0).contains("3 and 3 repetitions"), v.figures().get(0));
        assertEquals(12, v.samples(), "four groups of three repetitions");
        assertEquals(3, v.repetitions());
        assertNull(v.correction(), "every part must hold: no correction is needed");
        assertTrue(v.scope().contains("sizes 64 B, 16 KiB") && v.scope().contains("kernel 6.1.0-test"), v.scope());
    }

    @Test
    void eachComparisonIsAlsoData() throws IOException {
        SyntheticRun run = run("data", 1).latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(2, v.comparisons().size(), v.comparisons().toString());
        ClaimComparison p50 = v.comparisons().get(0);
        assertEquals("p50", p50.metric());
        assertEquals("unix-stream", p50.transport());
        assertEquals("tcp", p50.reference());
        assertEquals("raw", p50.engine());
        assertEquals(64, p50.size());
        assertEquals(1, p50.connections());
        assertEquals("0,1", p50.placement());
        assertEquals(0.5, p50.ratio(), 0.05);
        assertTrue(p50.ciLow() < p50.ratio() && p50.ratio() < p50.ciHigh(), p50.toString());
        assertEquals(0.95, p50.confidence());
        assertEquals(3, p50.repetitions());
        assertEquals(3, p50.referenceRepetitions());
        assertEquals(ClaimVerdict.HOLDS, p50.verdict());
        assertTrue(p50.deciding());
    }

    @Test
    void aClearlySlowerUnixSocketDoesNotHold() throws IOException {
        SyntheticRun run = run("slow", 2).latency("unix-stream", 64, 12_000).latency("tcp", 64, 6_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict(), v.summary());
        assertTrue(v.figures().get(0).startsWith("unix-stream / tcp round-trip p50 = 2.0"), v.figures().get(0));
    }

    @Test
    void identicalRepetitionsAreInconclusive() throws IOException {
        // The same seed for both sides: the very same values, a ratio of exactly 1.
        RunResult a = run("same-a", 7).latency("unix-stream", 64, 8_000).build();
        RunResult b = run("same-b", 7).latency("tcp", 64, 8_000).build();
        List<io.ipcbench.results.CellResult> cells = new java.util.ArrayList<>(a.cells());
        cells.addAll(b.cells());
        RunResult both = RunResult.of(a.id(), a.startedAt(), a.finishedAt(), a.config(), a.calibration(),
                a.environment(), cells, a.probes());
        ClaimVerdict v = verdict(new ClaimsJudge(ClaimSettings.defaults()).judge(both), Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("CI straddles 1"), v.summary());
    }

    @Test
    void repetitionsInSeparateModesWidenTheIntervalAndAreNamed() throws IOException {
        // Per-repetition p50 of tcp and unix-stream on one box, each process in its own wake-up mode.
        SyntheticRun run = run("modes", 3)
                .latencyRepetitions("tcp", 64, 33_200, 32_700, 28_400, 27_500, 27_600, 27_200)
                .latencyRepetitions("unix-stream", 64, 30_300, 30_400, 34_400, 29_400, 33_500, 33_400);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary() + "\n" + v.figures());
        ClaimComparison p50 = v.comparisons().get(0);
        assertTrue(p50.ciLow() < 1 && p50.ciHigh() > 1, p50.toString());
        assertNotNull(p50.referenceModes(), "tcp's repetitions sit in two modes");
        assertTrue(p50.referenceModes().startsWith("bimodal: 4 of 6 repetitions near 27."), p50.referenceModes());
        assertTrue(v.figures().get(0).contains("tcp bimodal: 4 of 6 repetitions near"), v.figures().get(0));
    }

    @Test
    void oneRepetitionIsNeverEnough() throws IOException {
        SyntheticRun run = run("once", 4);
        run.latencyRepetitions("unix-stream", 64, 5_000).latencyRepetitions("tcp", 64, 10_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("needs ≥ 3 repetitions"), v.summary());
        assertTrue(v.figures().get(0).contains("1 and 1 repetitions"), "the figures still show what was measured");
        Advice more = Advice.repetitions(ClaimSettings.defaults().minRepetitions());
        assertTrue(v.figures().get(0).contains("run with " + more.options() + " or more"), v.figures().get(0));
        AdviceCheck.parses(more);
    }

    @Test
    void twoRepetitionsAreNotEnoughEither() throws IOException {
        SyntheticRun run = run("twice", 4);
        run.latencyRepetitions("unix-stream", 64, 5_000, 5_100).latencyRepetitions("tcp", 64, 10_000, 10_100);
        assertTrue(judge(run, Claim.UDS_LATENCY).summary().contains("needs ≥ 3 repetitions"));
    }

    @Test
    void threeUnpinnedRepetitionsCanDecide() throws IOException {
        SyntheticRun run = run("unpinned", 5).unpinned().latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary());
        assertEquals(3, v.repetitions());
    }

    @Test
    void aCellWithTooFewRoundTripsForP99IsLeftOutAndSaid() throws IOException {
        SyntheticRun run = run("short", 6).latency("unix-stream", 64, 1, 5_000, 5).latency("tcp", 64, 10_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("needs ≥ 3 repetitions: p99 at 64 B"), v.summary());
        assertTrue(v.figures().get(1).contains("has too few round trips for p99"), v.figures().get(1));
    }

    @Test
    void mixedSizesAreInconclusiveWithTheBreakdown() throws IOException {
        SyntheticRun run = run("mixed", 8)
                .latency("udp", 64, 5_000).latency("tcp", 64, 10_000)
                .latency("udp", 16_384, 20_000).latency("tcp", 16_384, 10_000);
        ClaimVerdict v = judge(run, Claim.UDP_LATENCY);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict());
        assertTrue(v.summary().contains("holds in 2 (p50 at 64 B and p99 at 64 B)"), v.summary());
        assertTrue(v.summary().contains("does not hold in 2 (p50 at 16 KiB and p99 at 16 KiB)"), v.summary());
    }

    @Test
    void aMissingCounterpartIsNotMeasuredAndSaysWhy() throws IOException {
        SyntheticRun run = run("alone", 9).latency("unix-stream", 64, 5_000).latency("tcp", 1_024, 10_000);
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.figures().get(0).contains("no tcp cell at the same size"), v.figures().toString());
    }

    @Test
    void failedCellsAreLeftOutAndNamed() throws IOException {
        SyntheticRun run = run("failed", 11).latency("unix-stream", 64, 5_000).latency("tcp", 64, 10_000);
        run.latencyRepetitions("tcp", 1_024, 10_000).failed("the peer died (exit code 1)");
        ClaimVerdict v = judge(run, Claim.UDS_LATENCY);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary());
        assertTrue(v.figures().stream()
                        .anyMatch(f -> f.startsWith("not used: tcp 1 KiB 1c latency r0 failed: the peer")),
                v.figures().toString());
    }

    @Test
    void moreThroughputOverUnixSocketsHolds() throws IOException {
        SyntheticRun run = run("throughput", 12)
                .throughput("unix-stream", 65_536, 6.6e9).throughput("tcp", 65_536, 5.3e9);
        ClaimVerdict v = judge(run, Claim.UDS_THROUGHPUT);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + v.figures());
        assertTrue(v.figures().get(0).startsWith("unix-stream / tcp throughput = 1.2"), v.figures().get(0));
    }

    @Test
    void manyConnectionsNeedTheSweep() throws IOException {
        SyntheticRun run = run("one", 13).latency("tcp", 64, 10_000).latency("unix-stream", 64, 5_000);
        ClaimVerdict v = judge(run, Claim.TCP_MANY_CONNECTIONS);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.summary().contains("connections sweep"), v.summary());
    }

    @Test
    void tcpThreeTimesFasterAtOneConnectionCountHoldsWithTheCorrectionNamed() throws IOException {
        SyntheticRun run = run("sweep", 14)
                .latency("tcp", 64, 8, 10_000, 3_200).latency("unix-stream", 64, 8, 10_000, 1_000)
                .latency("tcp", 64, 64, 10_000, 1_000).latency("unix-stream", 64, 64, 10_000, 1_000);
        ClaimVerdict v = judge(run, Claim.TCP_MANY_CONNECTIONS);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + v.figures());
        assertTrue(v.summary().contains("the claim needs only one"), v.summary());
        assertEquals("Bonferroni over 2 comparisons: each interval at 97.5%", v.correction());
        assertTrue(v.summary().contains("Bonferroni over 2 comparisons"), v.summary());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("tcp / unix-stream round trips/s = ")
                && f.contains("97.5% CI") && f.contains("64 B, 8 connections") && f.endsWith(": holds")),
                v.figures().toString());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("per-connection p99 (best / median / worst)")),
                v.figures().toString());
        assertTrue(v.figures().stream().anyMatch(f -> f.contains("up to 3.00x") && f.endsWith(": met")),
                v.figures().toString());
    }

    @Test
    void tcpFasterButFarFromThreeTimesDoesNotHoldAsStated() throws IOException {
        SyntheticRun run = run("small", 14)
                .latency("tcp", 64, 8, 10_000, 1_500).latency("unix-stream", 64, 8, 10_000, 1_000);
        ClaimVerdict v = judge(run, Claim.TCP_MANY_CONNECTIONS);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict(), v.summary() + v.figures());
        assertTrue(v.summary().contains("the direction holds, but the largest advantage measured is 1.4"),
                v.summary());
        assertEquals(ClaimVerdict.HOLDS, v.comparisons().get(0).verdict(), "the comparison itself holds");
    }

    @Test
    void unixSocketsWinningAtEveryConnectionCountDoesNotHold() throws IOException {
        SyntheticRun run = run("unixwins", 15)
                .latency("tcp", 64, 8, 10_000, 1_000).latency("unix-stream", 64, 8, 10_000, 2_000);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, judge(run, Claim.TCP_MANY_CONNECTIONS).verdict());
    }

    @Test
    void pipeFasterButThinnerIsInconclusive() throws IOException {
        SyntheticRun run = run("pipes", 16)
                .latency("pipe", 64, 3_000).latency("unix-stream", 64, 4_000)
                .throughput("pipe", 65_536, 2.2e9).throughput("unix-stream", 65_536, 6.6e9);
        ClaimVerdict v = judge(run, Claim.PIPE_VS_UDS);
        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.summary().contains("holds in 2 (pipe p50 at 64 B and pipe p99 at 64 B)"), v.summary());
        assertTrue(v.summary().contains("does not hold in 1 (pipe throughput at 64 KiB)"), v.summary());
    }

    @Test
    void unixSocketsThatKeepTheirTailAtTwiceTheLoadSustainMore() throws IOException {
        // Both sweeps go to 125% of their closed-loop maximum; unix-stream's keeps p99 within 100 µs to 100%
        // of 40,000/s, tcp's to 75% of 25,000/s.
        SyntheticRun run = run("load", 1).rateSweep("unix-stream", 64, 40_000, 100, 25, 50, 75, 100, 125)
                .rateSweep("tcp", 64, 25_000, 75, 25, 50, 75, 100, 125);
        ClaimVerdict v = judge(run, Claim.UDS_UNDER_LOAD);

        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + "\n" + v.figures());
        ClaimComparison comparison = v.comparisons().get(0);
        assertEquals("sustainable rate", comparison.metric());
        assertEquals(40_000.0 / (0.75 * 25_000), comparison.ratio(), 0.15);
        assertEquals(3, comparison.repetitions());
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("sustainable rates at p99 ≤ 100.00 µs, 64 B")),
                v.figures().toString());
    }

    @Test
    void aRepetitionWithNoRateWithinTheBudgetIsLeftOutAndSaid() throws IOException {
        SyntheticRun run = run("none", 1).rateSweep("unix-stream", 64, 40_000, 100, 25, 50, 100)
                .rateSweep("tcp", 64, 25_000, 10, 25, 50, 100);
        ClaimVerdict v = judge(run, Claim.UDS_UNDER_LOAD);

        assertEquals(ClaimVerdict.INCONCLUSIVE, v.verdict(), v.summary());
        assertTrue(v.figures().get(0).contains("tcp 64 B 1c r0: no rate of its sweep kept p99 within 100.00 µs"),
                v.figures().get(0));
        // Three repetitions ran on each side: asking for more would not be the answer.
        assertTrue(v.figures().get(0).contains("(needs ≥ 3 repetitions: 3 of 3 and 0 of 3 repetitions had a value; "
                + "the others are left out, each with why)"), v.figures().get(0));
        assertFalse(v.figures().get(0).contains("run with"), v.figures().get(0));
    }

    @Test
    void theSameRunGivesTheSameVerdicts() throws IOException {
        SyntheticRun run = run("again", 17).latency("unix-stream", 64, 8_000).latency("tcp", 64, 8_100);
        assertEquals(judge(run), judge(run));
    }
}
