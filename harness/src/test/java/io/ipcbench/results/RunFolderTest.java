package io.ipcbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipcbench.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json is written whole, read back into the same records, and refused clearly when it is not one. */
class RunFolderTest {
    @TempDir
    Path folder;

    static RunResult sampleRun() {
        RunConfig config = RunConfig.builder().transports(List.of("udp")).sizes(List.of(64)).outputDirectory("x").build();
        CellResult cell = new CellResult("udp", "raw", "latency", 64, 1, 0, new Placement(0, 1), CellResult.OK, null,
                new Warmup(10, 0.5, 4000), new LatencySummary(100, 1, 2, 3, 4, 5, 6, 7, 2.5, 0.5),
                "udp_64B_1c_latency.hlog", new DatagramCounts(101, 100, 1, 0, 0, 0), IntegrityErrors.NONE, 1234.5,
                null, null, null, new SocketBuffers(212992, 212992), new Canary(20_000, 21_000), null, null);
        Environment environment = new Environment("host", "6.1", "cpu", 2, "vendor", "17", List.of("-Xmx1g"), "0.1",
                "abc", Map.of("net.core.rmem_default", 212992), 65536, "tsc", null);
        return RunResult.of("id", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", config,
                new Calibration(20.0, 20, 10.0), environment, List.of(cell), ProbeResults.NONE);
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        RunResult run = sampleRun();
        RunFolder.write(folder, run);
        assertEquals(run, RunFolder.read(folder));
        assertEquals(run, RunFolder.read(folder.resolve("run.json")));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("run.json")), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aMissingRunIsNamed() {
        RunFolder.InvalidRunException e = assertThrows(RunFolder.InvalidRunException.class,
                () -> RunFolder.read(folder));
        assertTrue(e.getMessage().startsWith("no run found at"), e.getMessage());
    }

    @Test
    void aTruncatedRunIsRefused() throws Exception {
        String json = RunFolder.json().writeValueAsString(sampleRun());
        Files.writeString(folder.resolve("run.json"), json.substring(0, json.length() / 2));
        RunFolder.InvalidRunException e = assertThrows(RunFolder.InvalidRunException.class,
                () -> RunFolder.read(folder));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anotherSchemaIsRefused() throws Exception {
        Files.writeString(folder.resolve("run.json"), "{\"schema\":\"ipcbench.run/99\"}");
        RunFolder.InvalidRunException e = assertThrows(RunFolder.InvalidRunException.class,
                () -> RunFolder.read(folder));
        assertTrue(e.getMessage().contains("ipcbench.run/99"), e.getMessage());
    }

    @Test
    void logNamesCarryTheirCell() {
        assertEquals("unix-stream_16384B_1c_latency.hlog", RunFolder.logFileName("unix-stream", 16384, 1, "latency", 0));
        assertEquals("tcp_64B_8c_latency_r2.hlog", RunFolder.logFileName("tcp", 64, 8, "latency", 2));
    }
}
