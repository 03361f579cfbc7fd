package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The gate on synthetic run folders: run.json through RunFolder, interval logs through HistogramLogWriter. */
@Timeout(60)
class GateTest {
    private static final String TCP = "tcp/raw/64B/1c/latency";
    private static final String UNIX = "unix-stream/raw/64B/1c/latency";

    /** Five baseline runs within 2% of each other: a quiet box. */
    private static final double[] QUIET = {1, 1.02, 0.98, 1.01, 0.99};

    @TempDir Path dir;

    private final Gate gate = new Gate(GateSettings.defaults());

    /** A run of tcp and unix-stream, 3 repetitions each, on a box whose canary is {@code box} times the usual. */
    private Path run(String name, long seed, double tcpScale, double unixScale, double box) throws IOException {
        return new SyntheticRun(name, seed).canaryScale(box).cell("tcp", 64, tcpScale)
                .cell("unix-stream", 64, unixScale).write(dir.resolve(name));
    }

    private Path run(String name, long seed, double tcpScale, double unixScale) throws IOException {
        return run(name, seed, tcpScale, unixScale, 1);
    }

    /** Baseline runs in a history folder, each shifted as a whole, its canary with it, by {@code scales}. */
    private Path history(String name, double... scales) throws IOException {
        Path folder = dir.resolve(name);
        for (int i = 0; i < scales.length; i++) {
            new SyntheticRun(name + i, 100 + i).canaryScale(scales[i]).startedAt("2026-11-21T10:" + (10 + i) + ":00Z")
                    .cell("tcp", 64, scales[i]).cell("unix-stream", 64, scales[i]).write(folder.resolve("run" + i));
        }
        return folder;
    }

    private GateReport evaluate(Path baseline, Path candidate) {
        return gate.evaluate(List.of(baseline), null, candidate);
    }

    private static CellComparison cell(GateReport report, String key) {
        return report.cells().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + key + " in " + report.cells()));
    }

    @Test
    void sameDistributionPassesAgainstAHistory() throws IOException {
        GateReport report = gate.evaluate(List.of(), history("h", 1, 1.04, 0.97, 1.02, 0.99), run("cand", 2, 1, 1));
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(0, report.exitCode());
        assertEquals(5, report.baselines().size());
        for (CellComparison cell : report.cells()) {
            assertEquals(Verdict.NO_CHANGE, cell.verdict(), cell.key());
            assertEquals(Basis.RUN_TO_RUN, cell.basis());
            assertTrue(cell.netOfCanary());
            assertEquals(3, cell.candidate().repetitions());
            assertEquals(5, cell.baseline().runs());
            assertEquals(15, cell.baseline().repetitions());
        }
        assertTrue(report.environmentDifferences().isEmpty());
        assertEquals(2, report.holmCells());
    }

    @Test
    void aClearShiftFailsNamingTheCell() throws IOException {
        GateReport report = gate.evaluate(List.of(), history("h", 1, 1.04, 0.97, 1.02, 0.99),
                run("cand", 2, 1.5, 1));
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(1, report.exitCode());
        assertEquals(Verdict.REGRESSION, cell(report, TCP).verdict());
        assertEquals(Verdict.NO_CHANGE, cell(report, UNIX).verdict());
        assertTrue(report.reason().startsWith("p99 regressed in 1 of 2 cells: " + TCP + " +"), report.reason());
        assertFalse(report.reason().contains(UNIX), report.reason());
        assertEquals(0.5, cell(report, TCP).change(), 0.1);
        assertEquals(0, cell(report, TCP).canaryChange(), 0.05);
        assertTrue(cell(report, TCP).intervalLow() > 0.1, "interval from " + cell(report, TCP).intervalLow());
        assertTrue(cell(report, TCP).pRegressionHolm() < 0.01);
    }

    /**
     * Whole runs shifted by up to 35%, every repetition and the canary with them, as a small VM's
     * wake-up modes do: a candidate shifted as much is one more run of that box.
     */
    @Test
    void driftAcrossHistoryRunsIsNotARegression() throws IOException {
        Path history = history("h", 1, 1.35, 0.95, 1.3, 1.0, 1.2);
        GateReport withCanary = gate.evaluate(List.of(), history, run("cand", 2, 1.35, 1.35, 1.35));
        assertEquals(GateOutcome.NO_REGRESSION, withCanary.outcome(), withCanary.reason());
        // The same judged on values as measured, neither side with a canary: the spread alone covers it.
        Path bare = dir.resolve("bare");
        double[] scales = {1, 1.35, 0.95, 1.3, 1.0, 1.2};
        for (int i = 0; i < scales.length; i++) {
            new SyntheticRun("b" + i, 100 + i).canaryScale(null).cell("tcp", 64, scales[i])
                    .write(bare.resolve("run" + i));
        }
        Path candidate = new SyntheticRun("cand", 2).canaryScale(null).cell("tcp", 64, 1.35)
                .write(dir.resolve("bare-cand"));
        GateReport measured = gate.evaluate(List.of(), bare, candidate);
        assertEquals(GateOutcome.NO_REGRESSION, measured.outcome(), measured.reason());
        assertFalse(cell(measured, TCP).netOfCanary());
        assertEquals(Verdict.NO_CHANGE, cell(measured, TCP).verdict());
        assertTrue(cell(measured, TCP).note().contains("run-to-run spread"), cell(measured, TCP).note());
    }

    /** A quiet history, then a candidate whose box moved by +40%, its canary with it: the box changed. */
    @Test
    void aShiftTheCanaryMovedWithIsBoxChangedAndPasses() throws IOException {
        GateReport report = gate.evaluate(List.of(), history("h", QUIET), run("cand", 2, 1.4, 1.4, 1.4));
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(Verdict.BOX_CHANGED, cell(report, TCP).verdict());
        assertEquals(0.4, cell(report, TCP).canaryChange(), 0.05);
        assertEquals(0, cell(report, TCP).netChange(), 0.08);
        assertTrue(report.reason().contains("the box changed, not the cells: " + TCP), report.reason());
        assertEquals(0.4, report.box().change(), 0.05);
        String box = Format.box(report.box());
        assertTrue(box.matches("the box itself changed by \\+(39|40|41)\\.\\d% during the candidate run .*"), box);
    }

    /** The same candidate judged without its canary would have failed: the canary is what tells them apart. */
    @Test
    void withoutACanaryTheSameShiftIsARegressionAndTheReportSaysWhy() throws IOException {
        Path history = history("h", QUIET);
        Path candidate = new SyntheticRun("cand", 2).canaryScale(null).cell("tcp", 64, 1.4)
                .cell("unix-stream", 64, 1.4).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(List.of(), history, candidate);
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
        assertFalse(cell(report, TCP).netOfCanary());
        assertNull(report.box());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("the candidate run has no box canary")),
                report.notes().toString());
    }

    @Test
    void baselineRunsWithoutACanaryAreSaid() throws IOException {
        Path history = history("h", QUIET);
        new SyntheticRun("old", 9).canaryScale(null).cell("tcp", 64, 1).cell("unix-stream", 64, 1)
                .write(history.resolve("old"));
        GateReport report = gate.evaluate(List.of(), history, run("cand", 2, 1, 1));
        assertFalse(cell(report, TCP).netOfCanary());
        assertTrue(report.notes().contains("1 of 6 baseline runs has no box canary: the candidate is judged "
                + "without one, so a change of the box itself cannot be told from a regression"),
                report.notes().toString());
    }

    @Test
    void aRegressionBeyondTheBoxsOwnChangeStillFails() throws IOException {
        // The box is 40% slower, tcp 110%: net of the box, +50%. unix-stream moved with the box.
        GateReport report = gate.evaluate(List.of(), history("h", QUIET), run("cand", 2, 2.1, 1.4, 1.4));
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(Verdict.REGRESSION, cell(report, TCP).verdict());
        assertEquals(0.5, cell(report, TCP).netChange(), 0.1);
        assertEquals(Verdict.BOX_CHANGED, cell(report, UNIX).verdict());
        assertTrue(report.reason().contains("the box changed, not the cells: " + UNIX), report.reason());
    }

    @Test
    void oneBaselineRunFallsBackToRepetitionsAndSaysSo() throws IOException {
        GateReport report = evaluate(run("base", 1, 1, 1), run("cand", 2, 1.5, 1));
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(Basis.REPETITIONS, cell(report, TCP).basis());
        assertTrue(report.notes().contains("1 baseline run: the run-to-run spread is unknown until at least 3 "
                + "baseline runs exist, so a drift of the whole box between runs looks like a change; cells are "
                + "judged on the spread of their repetitions"), report.notes().toString());
        GateReport same = evaluate(run("base", 1, 1, 1), run("same", 3, 1, 1));
        assertEquals(GateOutcome.NO_REGRESSION, same.outcome(), same.reason());
    }

    @Test
    void severalBaselineFlagsAreOneHistory() throws IOException {
        List<Path> baselines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            baselines.add(run("base" + i, 10 + i, 1, 1));
        }
        GateReport report = gate.evaluate(baselines, null, run("cand", 2, 1.5, 1));
        assertEquals(3, report.baselines().size());
        assertEquals(Basis.RUN_TO_RUN, cell(report, TCP).basis());
        assertEquals(Verdict.REGRESSION, cell(report, TCP).verdict());
        assertTrue(report.notes().stream().noneMatch(n -> n.contains("run-to-run spread is unknown")));
    }

    @Test
    void theNewestRunsOfAHistoryAreUsedAndTheCandidateIsNotItsOwnBaseline() throws IOException {
        Path history = history("h", 1, 1, 1, 1, 1);
        Path candidate = new SyntheticRun("cand", 2).startedAt("2026-11-21T11:00:00Z").cell("tcp", 64, 1)
                .cell("unix-stream", 64, 1).write(history.resolve("zz-candidate"));
        Files.createDirectories(history.resolve("not-a-run"));
        GateReport report = new Gate(GateSettings.defaults().withHistorySize(3))
                .evaluate(List.of(), history, candidate);
        assertEquals(List.of("h2", "h3", "h4"), report.baselines().stream().map(GateReport.RunRef::id).toList());
        assertTrue(report.notes().contains("the candidate lies in the history folder and is not its own baseline"),
                report.notes().toString());
        assertTrue(report.notes().contains("the history holds 5 runs; the newest 3 are used"),
                report.notes().toString());
    }

    @Test
    void anEmptyOrMissingHistoryCannotDecide() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        GateReport empty = gate.evaluate(List.of(), dir.resolve("empty"), run("cand", 2, 1, 1));
        assertEquals(GateOutcome.UNDECIDED, empty.outcome());
        assertTrue(empty.reason().contains("holds no run folder"), empty.reason());
        GateReport missing = gate.evaluate(List.of(), dir.resolve("nowhere"), run("cand", 2, 1, 1));
        assertEquals(GateOutcome.UNDECIDED, missing.outcome());
        assertTrue(missing.reason().startsWith("baseline: no history folder at"), missing.reason());
    }

    @Test
    void anImprovementPasses() throws IOException {
        GateReport report = gate.evaluate(List.of(), history("h", QUIET), run("cand", 2, 0.6, 1));
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome());
        assertEquals(Verdict.IMPROVEMENT, cell(report, TCP).verdict());
        assertTrue(report.reason().contains("1 improved"), report.reason());
    }

    @Test
    void sameRunsGiveTheSameReport() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = run("cand", 2, 1.2, 1);
        assertEquals(evaluate(base, cand), evaluate(base, cand));
    }

    @Test
    void acceptsRunJsonAsWellAsTheFolder() throws IOException {
        GateReport report = evaluate(run("base", 1, 1, 1).resolve(RunFolder.RUN_JSON),
                run("cand", 2, 1.5, 1).resolve(RunFolder.RUN_JSON));
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
    }

    @Test
    void missingBaselineCannotDecide() throws IOException {
        GateReport report = evaluate(dir.resolve("nowhere"), run("cand", 2, 1, 1));
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertEquals(2, report.exitCode());
        assertTrue(report.reason().startsWith("baseline: no run found"), report.reason());
        assertFalse(report.reason().contains("\n"));
    }

    @Test
    void corruptBaselineJsonCannotDecide() throws IOException {
        Path base = run("base", 1, 1, 1);
        String json = Files.readString(base.resolve(RunFolder.RUN_JSON));
        Files.writeString(base.resolve(RunFolder.RUN_JSON), json.substring(0, json.length() / 2));
        GateReport report = evaluate(base, run("cand", 2, 1, 1));
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("baseline: ") && report.reason().contains("not valid JSON"),
                report.reason());
    }

    @Test
    void aBaselineOfAnotherSchemaCannotDecide() throws IOException {
        Path base = dir.resolve("other");
        Files.createDirectories(base);
        Files.writeString(base.resolve(RunFolder.RUN_JSON), "{\"schema\": \"something/9\"}");
        GateReport report = evaluate(base, run("cand", 2, 1, 1));
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().contains("schema"), report.reason());
    }

    @Test
    void aMissingIntervalLogCannotDecide() throws IOException {
        Path base = run("base", 1, 1, 1);
        Files.delete(base.resolve("tcp_64B_1c_latency.hlog"));
        GateReport report = evaluate(base, run("cand", 2, 1, 1));
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("baseline run base: interval log"), report.reason());
    }

    @Test
    void aCorruptIntervalLogCannotDecide() throws IOException {
        Path cand = run("cand", 2, 1, 1);
        Files.writeString(cand.resolve("tcp_64B_1c_latency.hlog"), "0.000,0.100,1.0,notbase64!!\n");
        GateReport report = evaluate(run("base", 1, 1, 1), cand);
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("candidate: interval log"), report.reason());
    }

    @Test
    void noCommonCellsCannotDecide() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("pipe", 64, 1).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("no common cells"), report.reason());
        assertEquals(List.of(TCP), report.onlyInBaseline());
        assertEquals(List.of("pipe/raw/64B/1c/latency"), report.onlyInCandidate());
    }

    @Test
    void cellsInOneRunOnlyAreListed() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1).cell("udp", 64, 1).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1).cell("tcp", 1024, 1).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(List.of("udp/raw/64B/1c/latency"), report.onlyInBaseline());
        assertEquals(List.of("tcp/raw/1024B/1c/latency"), report.onlyInCandidate());
        assertEquals(1, report.cells().size());
    }

    @Test
    void anotherCpuIsRefused() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cpuModel("Other CPU").kernel("6.2.0").cell("tcp", 64, 1)
                .write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().contains("different environments"), report.reason());
        assertTrue(report.reason().contains("CPU 'Test CPU @ 2.0GHz' vs 'Other CPU'"), report.reason());
        assertTrue(report.reason().contains("kernel"), report.reason());
        assertTrue(report.reason().contains("--allow-different-env"), report.reason());
        assertTrue(report.cells().isEmpty());
    }

    @Test
    void aBaselineRunFromAnotherEnvironmentIsLeftOutOfAHistory() throws IOException {
        Path history = history("h", 1, 1, 1);
        new SyntheticRun("other", 9).kernel("6.2.0").cell("tcp", 64, 1).write(history.resolve("other"));
        GateReport report = gate.evaluate(List.of(), history, run("cand", 2, 1, 1));
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(3, report.baselines().size());
        assertTrue(report.notes().contains("baseline run other was left out: another environment "
                + "(kernel '6.2.0' vs '6.1.0-test')"), report.notes().toString());
        assertTrue(report.environmentDifferences().isEmpty(), report.environmentDifferences().toString());
    }

    @Test
    void differentEnvironmentIsComparedWhenAllowed() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cpuModel("Other CPU").cell("tcp", 64, 1.5)
                .write(dir.resolve("cand"));
        GateReport report = new Gate(GateSettings.defaults().withAllowDifferentEnv(true))
                .evaluate(List.of(base), null, cand);
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(List.of("CPU 'Test CPU @ 2.0GHz' vs 'Other CPU'"), report.environmentDifferences());
        assertTrue(report.allowDifferentEnv());
    }

    @Test
    void differentPlacementIsRefused() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).pin(0, 0).cell("tcp", 64, 1).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().contains("placement 0,1 vs 0,0 (" + TCP + ")"), report.reason());
    }

    @Test
    void anotherHostOfTheSameKindIsOnlyNoted() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).hostname("ci-runner-7").peerDelayMicros(200)
                .cell("tcp", 64, 1).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertTrue(report.notes().contains("host 'testbox' vs 'ci-runner-7'"), report.notes().toString());
        assertTrue(report.notes().contains("the candidate has an injected peer delay of 200 µs"),
                report.notes().toString());
    }

    @Test
    void anInterruptedCandidateIsJudgedOnWhatItFinished() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).interrupted().cell("tcp", 64, 1.5).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(List.of(UNIX), report.onlyInBaseline());
        assertTrue(report.notes().contains("the candidate run was cut short: it has only the cells it finished"),
                report.notes().toString());
    }

    @Test
    void unpinnedRunsAreComparedWithAWarning() throws IOException {
        Path base = new SyntheticRun("base", 1).pin(null, null).cell("tcp", 64, 1).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).pin(null, null).cell("tcp", 64, 1).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("some cells are unpinned")),
                report.notes().toString());
    }

    @Test
    void tooFewRepetitionsIsSaidAndDecidesNothing() throws IOException {
        Path base = new SyntheticRun("base", 1).repetitions(2).cell("tcp", 64, 1).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).repetitions(2).cell("tcp", 64, 5).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.UNDECIDED, report.outcome());
        assertEquals(2, report.exitCode());
        assertEquals(Verdict.TOO_FEW_REPETITIONS, cell(report, TCP).verdict());
        assertEquals("needs ≥ 3 repetitions: the candidate has 2", cell(report, TCP).note());
        assertEquals(4.0, cell(report, TCP).change(), 0.5);
        assertTrue(report.reason().startsWith("too few repetitions in every common cell"), report.reason());
        // Two are enough when asked for.
        GateReport two = new Gate(GateSettings.defaults().withMinRepetitions(2)).evaluate(List.of(base), null, cand);
        assertEquals(GateOutcome.REGRESSION, two.outcome(), two.reason());
    }

    @Test
    void aBaselineWithTooFewRepetitionsIsSaid() throws IOException {
        Path base = new SyntheticRun("base", 1).repetitions(1).cell("tcp", 64, 1).write(dir.resolve("base"));
        GateReport report = evaluate(base, run("cand", 2, 1, 1));
        assertEquals(Verdict.TOO_FEW_REPETITIONS, cell(report, TCP).verdict());
        assertEquals("needs ≥ 3 repetitions: no baseline run has 3 (at most 1)", cell(report, TCP).note());
    }

    @Test
    void aCellWithTooFewRepetitionsDoesNotHideTheOthers() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1).repetitions(1).cell("udp", 64, 1)
                .write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1).cell("udp", 64, 1).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome());
        assertEquals(Verdict.TOO_FEW_REPETITIONS, cell(report, "udp/raw/64B/1c/latency").verdict());
        assertTrue(report.reason().contains("1 had too few repetitions"), report.reason());
        assertEquals(1, report.holmCells());
    }

    @Test
    void repetitionsTooSmallForThePercentileAreLeftOut() throws IOException {
        // 60 round trips a repetition: enough for p50, not for p99.
        SyntheticRun base = new SyntheticRun("base", 1);
        SyntheticRun cand = new SyntheticRun("cand", 2);
        for (int r = 0; r < 3; r++) {
            base.cell("tcp", 64, r, 1, 3, 20, CellResult.OK);
            cand.cell("tcp", 64, r, 1, 3, 20, CellResult.OK);
        }
        Path b = base.write(dir.resolve("base"));
        Path c = cand.write(dir.resolve("cand"));
        GateReport p99 = evaluate(b, c);
        assertEquals(Verdict.TOO_FEW_REPETITIONS, cell(p99, TCP).verdict());
        assertEquals(0, cell(p99, TCP).candidate().repetitions());
        assertTrue(p99.notes().contains(TCP + ": 3 of 3 repetitions in the candidate have too few round trips for "
                + "the metric and were left out"), p99.notes().toString());
        CellComparison p50 = cell(new Gate(GateSettings.defaults().withMetric(Percentile.parse("p50")))
                .evaluate(List.of(b), null, c), TCP);
        assertEquals(3, p50.candidate().repetitions());
        assertTrue(p50.verdict() != Verdict.TOO_FEW_REPETITIONS, p50.toString());
    }

    @Test
    void aCellThatFailedIsListedNotCompared() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1)
                .cell("unix-stream", 64, 0, 1, 10, 1_000, CellResult.FAILED).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(GateOutcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(1, report.notCompared().size());
        assertEquals(UNIX, report.notCompared().get(0).key());
        assertTrue(report.notCompared().get(0).reason().startsWith("failed in the candidate"));
    }

    @Test
    void aFailedRepetitionIsLeftOutAndNoted() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1).cell("unix-stream", 64, 1)
                .cell("tcp", 64, 3, 1, 10, 1_000, CellResult.FAILED).write(dir.resolve("cand"));
        GateReport report = evaluate(base, cand);
        assertEquals(3, cell(report, TCP).candidate().repetitions());
        assertTrue(report.notes().contains(TCP + ": 1 of 4 repetitions failed in the candidate and was left out"),
                report.notes().toString());
    }
}
