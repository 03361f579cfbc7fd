package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.cli.CommandRun;
import io.ipcbench.cli.GateCommand;
import io.ipcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipcbench gate} through the real command line: exit codes, the one-line reasons, the files. */
@Timeout(60)
class GateCommandTest {
    @TempDir Path dir;

    static CommandRun gate(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "gate";
        System.arraycopy(args, 0, full, 1, args.length);
        return CommandRun.of(full);
    }

    private Path run(Path folder, String name, long seed, double tcpScale) throws IOException {
        return new SyntheticRun(name, seed).cell("tcp", 64, tcpScale).cell("unix-stream", 64, 1)
                .write(folder.resolve(name));
    }

    private Path run(String name, long seed, double tcpScale) throws IOException {
        return run(dir, name, seed, tcpScale);
    }

    /** Three baseline runs of the same box in one folder. */
    private Path history() throws IOException {
        Path history = dir.resolve("history");
        for (int i = 0; i < 3; i++) {
            run(history, "base" + i, 10 + i, 1);
        }
        return history;
    }

    private static void assertOneLineWithoutStackTrace(String err) {
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @Test
    void noRegressionExitsZeroAndPrintsTheTable() throws IOException {
        CommandRun r = gate("--history", history().toString(), "--candidate", run("cand", 2, 1).toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("tcp/raw/64B/1c/latency"), r.out());
        assertTrue(r.out().contains("no change"), r.out());
        assertTrue(r.out().contains("Holm over 2 cells"), r.out());
        assertTrue(r.out().contains("  baseline   3 runs: base0, base1, base2"), r.out());
        assertTrue(r.out().contains("gate: ok: no p99 regression in 2 cells"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void regressionExitsOneAndWritesJsonAndMarkdown() throws IOException {
        Path json = dir.resolve("out/gate.json");
        Path markdown = dir.resolve("out/gate.md");
        CommandRun r = gate("--history", history().toString(), "--candidate", run("cand", 2, 1.5).toString(),
                "--json", json.toString(), "--markdown", markdown.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("REGRESSION"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("gate: REGRESSION: p99 regressed in 1 of 2 cells: "
                + "tcp/raw/64B/1c/latency")), r.out());

        JsonNode report = RunFolder.json().readTree(json.toFile());
        assertEquals("ipcbench.gate/2", report.path("schema").asText());
        assertEquals("regression", report.path("outcome").asText());
        assertEquals(1, report.path("exitCode").asInt());
        assertEquals(2, report.path("holmCells").asInt());
        assertEquals(3, report.path("baselines").size());
        JsonNode tcp = report.path("cells").get(0);
        assertEquals("tcp/raw/64B/1c/latency", tcp.path("key").asText());
        assertEquals("regression", tcp.path("verdict").asText());
        assertEquals("run-to-run", tcp.path("basis").asText());
        assertTrue(tcp.path("netOfCanary").asBoolean());
        assertTrue(tcp.path("candidate").path("valueNs").asDouble() > tcp.path("baseline").path("centreNs").asDouble());
        assertEquals(3, tcp.path("baseline").path("runs").asInt());
        assertTrue(tcp.path("pRegressionHolm").asDouble() < 0.01);
        assertTrue(report.path("box").path("change").isNumber());

        String md = Files.readString(markdown);
        assertTrue(md.startsWith("### ipcbench gate: REGRESSION"), md);
        assertTrue(md.contains("| `tcp/raw/64B/1c/latency` |") && md.contains("**regression**"), md);
        assertTrue(md.contains("| `unix-stream/raw/64B/1c/latency` |"), md);
        assertTrue(md.contains("The box itself changed by"), md);
    }

    @Test
    void baselineMayBeRepeated() throws IOException {
        CommandRun r = gate("--baseline", run("a", 1, 1).toString(), "--baseline", run("b", 3, 1).toString(),
                "--candidate", run("cand", 2, 1).toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("  baseline   2 runs: a, b"), r.out());
        assertTrue(r.out().contains("note: 2 baseline runs: the run-to-run spread is unknown"), r.out());
    }

    @Test
    void missingBaselineExitsTwoWithOneLine() throws IOException {
        Path json = dir.resolve("gate.json");
        CommandRun r = gate("--baseline", dir.resolve("nowhere").toString(),
                "--candidate", run("cand", 2, 1).toString(),
                "--json", json.toString());
        assertEquals(2, r.exitCode());
        assertOneLineWithoutStackTrace(r.err());
        assertTrue(r.err().startsWith("ipcbench gate: could not decide: baseline: no run found"), r.err());
        // The JSON says why too, for a CI summary.
        assertEquals("could not decide", RunFolder.json().readTree(json.toFile()).path("outcome").asText());
    }

    @Test
    void corruptBaselineExitsTwoWithOneLine() throws IOException {
        Path base = run("base", 1, 1);
        Files.writeString(base.resolve(RunFolder.RUN_JSON), "{ \"schema\": \"ipcbench.run/1\", \"cells\": [");
        CommandRun r = gate("--baseline", base.toString(), "--candidate", run("cand", 2, 1).toString());
        assertEquals(2, r.exitCode());
        assertOneLineWithoutStackTrace(r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
    }

    @Test
    void differentEnvironmentExitsTwoUnlessAllowed() throws IOException {
        Path base = run("base", 1, 1);
        Path cand = new SyntheticRun("cand", 2).cpuModel("Other CPU").cell("tcp", 64, 1).write(dir.resolve("cand"));
        CommandRun refused = gate("--baseline", base.toString(), "--candidate", cand.toString());
        assertEquals(2, refused.exitCode());
        assertOneLineWithoutStackTrace(refused.err());
        assertTrue(refused.err().contains("--allow-different-env"), refused.err());

        CommandRun allowed = gate("--baseline", base.toString(), "--candidate", cand.toString(),
                "--allow-different-env");
        assertEquals(0, allowed.exitCode(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("warning: compared across different environments"), allowed.out());
    }

    @Test
    void optionsChangeTheDecision() throws IOException {
        String history = history().toString();
        String cand = run("cand", 2, 1.5).toString();
        assertEquals(0, gate("--history", history, "--candidate", cand, "--threshold", "80%").exitCode());
        assertEquals(1, gate("--history", history, "--candidate", cand, "--threshold", "20").exitCode());
        assertEquals(1, gate("--history", history, "--candidate", cand, "--metric", "p50").exitCode());
        assertEquals(2, gate("--history", history, "--candidate", cand, "--min-repetitions", "4").exitCode());
        CommandRun one = gate("--history", history, "--candidate", cand, "--history-size", "1");
        assertTrue(one.out().contains("the newest 1 are used"), one.out());
        assertTrue(one.out().contains("repetitions"), one.out());
    }

    @Test
    void badOptionsExitTwoWithOneLine() throws IOException {
        String base = run("base", 1, 1).toString();
        for (String[] args : new String[][] {
                {"--baseline", base, "--candidate", base, "--threshold", "ten"},
                {"--baseline", base, "--candidate", base, "--metric", "p100"},
                {"--baseline", base, "--candidate", base, "--alpha", "0.7"},
                {"--baseline", base, "--candidate", base, "--min-repetitions", "1"},
                {"--history", base, "--candidate", base, "--history-size", "0"},
                {"--candidate", base},
                {"--baseline", base},
        }) {
            CommandRun r = gate(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertOneLineWithoutStackTrace(r.err());
        }
    }

    @Test
    void thresholdsArePercentages() {
        assertEquals(0.10, GateCommand.parseThreshold("10%"), 1e-12);
        assertEquals(0.025, GateCommand.parseThreshold("2.5"), 1e-12);
    }

    @Test
    void helpNamesTheOptionsAndExitCodes() {
        CommandRun r = gate("--help");
        assertEquals(0, r.exitCode());
        for (String option : List.of("--history", "--history-size", "--min-repetitions", "--allow-different-env")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
        assertTrue(r.out().contains("1 regression"), r.out());
    }
}
