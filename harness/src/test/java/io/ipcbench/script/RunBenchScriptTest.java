package io.ipcbench.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** run-bench.sh's options and failure paths: what it runs for each option, and how it refuses. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunBenchScriptTest {
    /** Tests run in the module's folder; the script is at the top of the repository. */
    private static final Path SCRIPT = Path.of("..", "run-bench.sh").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    private record Result(int exit, String out, String err) {
    }

    private Result script(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        int exit = process.waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownOptionIsRefusedWithExitTwo() throws Exception {
        Result result = script(Map.of(), "--frobnicate");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("unknown option '--frobnicate'"), result.err());
    }

    @Test
    void anUnknownProfileIsRefused() throws Exception {
        Result result = script(Map.of(), "--profile", "huge");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("unknown profile 'huge'"), result.err());
    }

    @Test
    void anOptionWithoutItsValueIsRefused() throws Exception {
        Result result = script(Map.of(), "--sizes");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--sizes needs a value"), result.err());
    }

    @Test
    void aMissingBaselineIsRefusedBeforeAnythingRuns() throws Exception {
        Result result = script(Map.of(), "--dry-run", "--gate", directory.resolve("nothing-here").toString());
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("no baseline"), result.err());
    }

    @Test
    void aRunFolderIsOneBaselineAndAFolderOfRunsIsAHistory() throws Exception {
        Path run = Files.createDirectories(directory.resolve("history/run1"));
        Files.writeString(run.resolve("run.json"), "{}");
        Result one = script(Map.of(), "--dry-run", "--gate", run.toString());
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().lines().anyMatch(l -> l.contains(" gate --baseline " + run)), one.out());
        Result history = script(Map.of(), "--dry-run", "--gate", run.getParent().toString());
        assertEquals(0, history.exit(), history.err());
        assertTrue(history.out().lines().anyMatch(l -> l.contains(" gate --history " + run.getParent())),
                history.out());
    }

    @Test
    void withoutJavaItSaysWhatToInstall() throws Exception {
        Path bin = Files.createDirectory(directory.resolve("bin"));
        for (String tool : List.of("dirname", "sed", "nproc", "date", "hostname", "find", "head")) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.exists(real)) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        Result result = script(Map.of("PATH", bin.toString()), "--dry-run");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("java not found") && result.err().contains("openjdk-17-jdk-headless"),
                result.err());
    }

    @Test
    void aProfileMapsToTheHarnessFlagsAndOptionsOverrideIt() throws Exception {
        Result result = script(Map.of(), "--dry-run", "--profile", "smoke", "--sizes", "128", "--pin", "0,0",
                "--out", directory.resolve("run").toString());
        assertEquals(0, result.exit(), result.err());
        String run = result.out().lines().filter(line -> line.contains(" run ")).findFirst().orElse("");
        assertTrue(run.contains("--sizes 128"), run);
        assertTrue(run.contains("--pin 0\\,0"), run);
        assertTrue(run.contains("--duration 300ms"), "the smoke profile's duration: " + run);
        assertTrue(run.contains("--transports pipe\\,tcp\\,udp\\,unix-stream\\,unix-dgram"), run);
        assertTrue(result.out().contains(" claims "), "claims are judged after the run");
        assertFalse(Files.exists(directory.resolve("run")), "a dry run writes nothing");
    }

    @Test
    void thePlansOfTheRunAndOfJmhComeBeforeTheFirstCell() throws Exception {
        Result result = script(Map.of(), "--dry-run", "--profile", "smoke", "--jmh", "--pin", "0,0",
                "--out", directory.resolve("run").toString());
        assertEquals(0, result.exit(), result.err());
        List<String> lines = result.out().lines().toList();
        int runPlan = indexOf(lines, "run: ");
        int jmhPlan = indexOf(lines, "JMH: ");
        int firstCell = lines.indexOf(lines.stream().filter(line -> line.contains(" run --transports")).findFirst()
                .orElseThrow());
        assertTrue(runPlan >= 0 && runPlan < firstCell, result.out());
        assertTrue(jmhPlan >= 0 && jmhPlan < firstCell, result.out());
        // The jars reckon the plans once built and current: smoke's five transports at 64 B, two of them also at
        // four connections, latency and throughput.
        String run = lines.get(runPlan);
        assertTrue(run.startsWith("run: 14 cells (7 latency, 7 throughput, 0 rate), about ") || run.contains("once ipcbench is built"),
                run);
        String jmh = lines.get(jmhPlan);
        assertTrue(jmh.startsWith("JMH: 5 benchmark runs, about ") || jmh.contains("once the benchmarks are built"), jmh);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyRunFolderGetsItsCellsAsCsv() throws Exception {
        Path run = directory.resolve("run");
        Result result = script(Map.of(), "--dry-run", "--profile", "smoke", "--out", run.toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().lines().anyMatch(line -> line.contains(" export " + run + " --format csv --out "
                + run.resolve("cells.csv"))), result.out());
    }

    @Test
    void helpWorks() throws Exception {
        Result result = script(Map.of(), "--help");
        assertEquals(0, result.exit());
        assertTrue(result.out().contains("--profile"));
    }
}
