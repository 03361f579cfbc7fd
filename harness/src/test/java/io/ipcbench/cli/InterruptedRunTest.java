package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run: the cells finished before it are kept, none after it, and the
 * last line says how many and where.
 */
@Timeout(120)
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCKeepsTheFinishedCellsExitsWith130AndSaysSoLast() throws Exception {
        Path out = dir.resolve("run");
        Path parent = Files.createDirectory(dir.resolve("private"));
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // A build started in the background of a script ignores SIGINT, the run inherits that, and
            // a JVM keeps an ignored SIGINT ignored: give the run the default disposition back.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + PrivateDirectory.PARENT_PROPERTY + "=" + parent, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--transports", "pipe,tcp", "--sizes", "64", "--duration", "300ms",
                "--warmup", "100ms", "--repetitions", "20", "--out", out.toString()));
        Process run = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(run.getInputStream(),
                StandardCharsets.UTF_8))) {
            // Wait until the second cell has started: the first is then saved.
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                if (line.startsWith("[2/")) {
                    break;
                }
            }
            new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
            stdout.transferTo(java.io.Writer.nullWriter());
        }
        assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run stops");
        assertEquals(130, run.exitValue(), "128 + SIGINT, as a shell expects");

        List<String> stderr = Files.readAllLines(dir.resolve("stderr"));
        String last = stderr.get(stderr.size() - 1);
        RunResult kept = RunFolder.read(out);
        assertTrue(kept.cells().size() >= 1, "the finished cells are in run.json");
        assertTrue(kept.cells().stream().allMatch(CellResult::ok),
                "no cell is kept that failed because Ctrl-C killed its peer");
        assertEquals("ipcbench: interrupted: " + kept.cells().size() + " of 40 cells kept in "
                + out.resolve("run.json"), last);
        try (var left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "no private directory is left");
        }
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status). */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }
}
