package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @TempDir Path dir;

    private final Gate gate = new Gate(GateSettings.defaults());

    private Path run(String name, long seed, double tcpScale, double unixScale) throws IOException {
        return new SyntheticRun(name, seed).cell("tcp", 64, tcpScale, 20).cell("unix-stream", 64, unixScale, 20)
                .write(dir.resolve(name));
    }

    private static CellComparison cell(GateReport report, String key) {
        return report.cells().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + key + " in " + report.cells()));
    }

    @Test
    void regressionIsNamedByCell() throws IOException {
        GateReport report = gate.evaluate(run("base", 1, 1, 1), run("cand", 2, 1.5, 1));
        assertEquals(Outcome.REGRESSION, report.outcome());
        assertEquals(1, report.exitCode());
        assertEquals(Verdict.REGRESSION, cell(report, TCP).verdict());
        assertEquals(Verdict.NO_CHANGE, cell(report, UNIX).verdict());
        assertTrue(report.reason().contains(TCP), report.reason());
        assertFalse(report.reason().contains(UNIX), report.reason());
        assertEquals(0.5, cell(report, TCP).change(), 0.1);
        assertTrue(cell(report, TCP).ciLow() > 0.1, "interval " + cell(report, TCP).ciLow());
    }

    @Test
    void sameDistributionIsNoChange() throws IOException {
        GateReport report = gate.evaluate(run("base", 1, 1, 1), run("cand", 2, 1, 1));
        assertEquals(Outcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(0, report.exitCode());
        assertEquals(2, report.cells().size());
        for (CellComparison cell : report.cells()) {
            assertEquals(Verdict.NO_CHANGE, cell.verdict(), cell.key());
            assertEquals(20, cell.baseline().samples());
            assertEquals(20, cell.candidate().samples());
        }
        assertTrue(report.environmentDifferences().isEmpty());
        assertEquals(List.of(), report.notes());
        assertTrue(cell(report, TCP).baseline().spread() < 0.5, "spread " + cell(report, TCP).baseline().spread());
    }

    @Test
    void unevenIntervalsAreNoted() throws IOException {
        // Two repetitions four times apart: what a run looks like when a neighbour comes and goes.
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 0, 1, 10, 5_000, CellResult.OK)
                .cell("tcp", 64, 1, 4, 10, 5_000, CellResult.OK).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertTrue(cell(report, TCP).baseline().spread() > 1, "spread " + cell(report, TCP).baseline().spread());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith(TCP + ": the baseline's intervals vary by")),
                report.notes().toString());
    }

    @Test
    void anImprovementPasses() throws IOException {
        GateReport report = gate.evaluate(run("base", 1, 1, 1), run("cand", 2, 0.6, 1));
        assertEquals(Outcome.NO_REGRESSION, report.outcome());
        assertEquals(Verdict.IMPROVEMENT, cell(report, TCP).verdict());
        assertTrue(report.reason().contains("1 improved"), report.reason());
    }

    @Test
    void sameRunsAndSeedGiveTheSameReport() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = run("cand", 2, 1.2, 1);
        assertEquals(gate.evaluate(base, cand), gate.evaluate(base, cand));
    }

    @Test
    void acceptsRunJsonAsWellAsTheFolder() throws IOException {
        GateReport report = gate.evaluate(run("base", 1, 1, 1).resolve(RunFolder.RUN_JSON),
                run("cand", 2, 1.5, 1).resolve(RunFolder.RUN_JSON));
        assertEquals(Outcome.REGRESSION, report.outcome(), report.reason());
    }

    @Test
    void missingBaselineCannotDecide() throws IOException {
        GateReport report = gate.evaluate(dir.resolve("nowhere"), run("cand", 2, 1, 1));
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertEquals(2, report.exitCode());
        assertTrue(report.reason().startsWith("baseline: no run found"), report.reason());
        assertFalse(report.reason().contains("\n"));
    }

    @Test
    void corruptBaselineJsonCannotDecide() throws IOException {
        Path base = run("base", 1, 1, 1);
        String json = Files.readString(base.resolve(RunFolder.RUN_JSON));
        Files.writeString(base.resolve(RunFolder.RUN_JSON), json.substring(0, json.length() / 2));
        GateReport report = gate.evaluate(base, run("cand", 2, 1, 1));
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("baseline: ") && report.reason().contains("not valid JSON"),
                report.reason());
    }

    @Test
    void aBaselineOfAnotherSchemaCannotDecide() throws IOException {
        Path base = dir.resolve("other");
        Files.createDirectories(base);
        Files.writeString(base.resolve(RunFolder.RUN_JSON), "{\"schema\": \"something/9\"}");
        GateReport report = gate.evaluate(base, run("cand", 2, 1, 1));
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().contains("schema"), report.reason());
    }

    @Test
    void aMissingIntervalLogCannotDecide() throws IOException {
        Path base = run("base", 1, 1, 1);
        Files.delete(base.resolve("tcp_64B_1c_latency.hlog"));
        GateReport report = gate.evaluate(base, run("cand", 2, 1, 1));
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("baseline: interval log"), report.reason());
    }

    @Test
    void aCorruptIntervalLogCannotDecide() throws IOException {
        Path cand = run("cand", 2, 1, 1);
        Files.writeString(cand.resolve("tcp_64B_1c_latency.hlog"), "0.000,0.100,1.0,notbase64!!\n");
        GateReport report = gate.evaluate(run("base", 1, 1, 1), cand);
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("candidate: interval log"), report.reason());
    }

    @Test
    void noCommonCellsCannotDecide() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1, 20).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("pipe", 64, 1, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().startsWith("no common cells"), report.reason());
        assertEquals(List.of(TCP), report.onlyInBaseline());
        assertEquals(List.of("pipe/raw/64B/1c/latency"), report.onlyInCandidate());
    }

    @Test
    void cellsInOneRunOnlyAreListed() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1, 20).cell("udp", 64, 1, 20)
                .write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1, 20).cell("tcp", 1024, 1, 20)
                .write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(List.of("udp/raw/64B/1c/latency"), report.onlyInBaseline());
        assertEquals(List.of("tcp/raw/1024B/1c/latency"), report.onlyInCandidate());
        assertEquals(1, report.cells().size());
    }

    @Test
    void differentCpuIsRefused() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cpuModel("Other CPU").kernel("6.2.0").cell("tcp", 64, 1, 20)
                .write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().contains("different environments"), report.reason());
        assertTrue(report.reason().contains("CPU 'Test CPU @ 2.0GHz' vs 'Other CPU'"), report.reason());
        assertTrue(report.reason().contains("kernel"), report.reason());
        assertTrue(report.reason().contains("--allow-different-env"), report.reason());
        assertTrue(report.cells().isEmpty());
    }

    @Test
    void differentEnvironmentIsComparedWhenAllowed() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cpuModel("Other CPU").cell("tcp", 64, 1.5, 20)
                .write(dir.resolve("cand"));
        GateReport report = new Gate(GateSettings.defaults().withAllowDifferentEnv(true)).evaluate(base, cand);
        assertEquals(Outcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(List.of("CPU 'Test CPU @ 2.0GHz' vs 'Other CPU'"), report.environmentDifferences());
        assertTrue(report.allowDifferentEnv());
    }

    @Test
    void differentPlacementIsRefused() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).pin(0, 0).cell("tcp", 64, 1, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertTrue(report.reason().contains("placement 0,1 vs 0,0 (" + TCP + ")"), report.reason());
    }

    @Test
    void anotherHostOfTheSameKindIsOnlyNoted() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).hostname("ci-runner-7").peerDelayMicros(200)
                .cell("tcp", 64, 1, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.NO_REGRESSION, report.outcome(), report.reason());
        assertTrue(report.notes().contains("host 'testbox' vs 'ci-runner-7'"), report.notes().toString());
        assertTrue(report.notes().contains("the candidate has an injected peer delay of 200 µs"),
                report.notes().toString());
    }

    @Test
    void anInterruptedCandidateIsJudgedOnWhatItFinished() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).interrupted().cell("tcp", 64, 1.5, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.REGRESSION, report.outcome(), report.reason());
        assertEquals(List.of(UNIX), report.onlyInBaseline());
        assertTrue(report.notes().contains("the candidate run was cut short: it has only the cells it finished"),
                report.notes().toString());
    }

    @Test
    void unpinnedRunsAreComparedWithAWarning() throws IOException {
        Path base = new SyntheticRun("base", 1).pin(null, null).cell("tcp", 64, 1, 20).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).pin(null, null).cell("tcp", 64, 1, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.NO_REGRESSION, report.outcome(), report.reason());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("some cells are unpinned")), report.notes().toString());
    }

    @Test
    void tooFewIntervalsIsSaidAndDecidesNothing() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1, 3).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 5, 3).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.UNDECIDED, report.outcome());
        assertEquals(Verdict.TOO_FEW_SAMPLES, cell(report, TCP).verdict());
        assertTrue(report.reason().startsWith("too few samples in every common cell"), report.reason());
    }

    @Test
    void aCellWithTooFewSamplesDoesNotHideTheOthers() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 1, 20).cell("udp", 64, 1, 2).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1, 20).cell("udp", 64, 1, 20).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.NO_REGRESSION, report.outcome());
        assertEquals(Verdict.TOO_FEW_SAMPLES, cell(report, "udp/raw/64B/1c/latency").verdict());
        assertTrue(report.reason().contains("1 had too few samples"), report.reason());
    }

    @Test
    void intervalsTooSmallForThePercentileAreSkipped() throws IOException {
        // 50 round trips an interval: enough for p50, not for p99.
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 0, 1, 20, 50, CellResult.OK).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 0, 1, 20, 50, CellResult.OK).write(dir.resolve("cand"));
        CellComparison p99 = cell(gate.evaluate(base, cand), TCP);
        assertEquals(Verdict.TOO_FEW_SAMPLES, p99.verdict());
        assertEquals(20, p99.baseline().intervals());
        assertEquals(20, p99.baseline().skippedIntervals());
        assertEquals(0, p99.baseline().samples());
        CellComparison p50 = cell(new Gate(GateSettings.defaults().withMetric(Metric.parse("p50")))
                .evaluate(base, cand), TCP);
        assertEquals(20, p50.baseline().samples());
        assertEquals(Verdict.NO_CHANGE, p50.verdict());
    }

    @Test
    void repetitionsArePooled() throws IOException {
        Path base = new SyntheticRun("base", 1).cell("tcp", 64, 0, 1, 3, 5_000, CellResult.OK)
                .cell("tcp", 64, 1, 1, 3, 5_000, CellResult.OK).write(dir.resolve("base"));
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 0, 2, 3, 5_000, CellResult.OK)
                .cell("tcp", 64, 1, 2, 3, 5_000, CellResult.OK).write(dir.resolve("cand"));
        CellComparison tcp = cell(gate.evaluate(base, cand), TCP);
        assertEquals(6, tcp.baseline().samples());
        assertEquals(2, tcp.baseline().repetitions());
        assertEquals(Verdict.REGRESSION, tcp.verdict());
    }

    @Test
    void aCellThatFailedIsListedNotCompared() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1, 20)
                .cell("unix-stream", 64, 0, 1, 20, 1_000, CellResult.FAILED).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(Outcome.NO_REGRESSION, report.outcome(), report.reason());
        assertEquals(1, report.notCompared().size());
        assertEquals(UNIX, report.notCompared().get(0).key());
        assertTrue(report.notCompared().get(0).reason().startsWith("failed in the candidate"));
    }

    @Test
    void aFailedRepetitionIsLeftOutAndNoted() throws IOException {
        Path base = run("base", 1, 1, 1);
        Path cand = new SyntheticRun("cand", 2).cell("tcp", 64, 1, 20).cell("unix-stream", 64, 1, 20)
                .cell("tcp", 64, 1, 1, 20, 1_000, CellResult.FAILED).write(dir.resolve("cand"));
        GateReport report = gate.evaluate(base, cand);
        assertEquals(20, cell(report, TCP).candidate().samples());
        assertTrue(report.notes().contains(TCP + ": 1 of 2 repetitions failed in the candidate and were left out"),
                report.notes().toString());
    }
}
