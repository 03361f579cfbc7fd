package io.ipcbench.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.cli.CommandRun;
import io.ipcbench.cli.SmallRun;
import io.ipcbench.command.ExitCode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.RunSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run of shm in two idle strategies, latency and throughput, through the command line:
 * the runner, the peer and the run folder take the variant with no word of their own about shm.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShmRunTest {
    @Test
    void eachIdleStrategyIsMeasuredAsCellsOfItsOwn(@TempDir Path directory) throws IOException {
        Path out = directory.resolve("run");
        CommandRun run = CommandRun.of("run", "--transports", "shm", "--shm-idle", "yield,backoff", "--sizes", "64",
                "--throughput-sizes", "64", "--duration", "100ms", "--warmup", "50ms", "--throughput-duration", "200ms",
                "--interval", "20ms", "--pin", SmallRun.pin(), "--quiet", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err() + run.out());

        RunResult result = RunFolder.read(out);
        assertEquals(List.of("backoff", "yield"), result.cells().stream().filter(c -> c.throughput() == null)
                .map(CellResult::variant).sorted().toList());
        assertEquals(4, result.cells().stream().filter(CellResult::ok).count(), "latency and throughput, two variants");
        assertTrue(Files.exists(out.resolve("shm-yield_64B_1c_latency.hlog")));
        assertTrue(Files.exists(out.resolve("shm-backoff_64B_1c_latency.hlog")));
        assertTrue(result.cells().stream().allMatch(c -> c.cpuCost() != null), "CPU per message, as for every cell");
        assertTrue(run.out().contains("shm-yield "), "the summary names the variant: " + run.out());
        assertEquals(List.of(), RunSchema.problems(out.resolve(RunFolder.RUN_JSON)));
    }
}
