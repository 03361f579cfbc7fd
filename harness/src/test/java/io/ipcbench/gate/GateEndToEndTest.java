package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import io.ipcbench.cli.CommandRun;
import io.ipcbench.cli.Main;
import io.ipcbench.os.CpuAffinity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gate on real run folders from the harness, on whatever box the tests run on, busy or not:
 * three baseline runs in a history folder, one more run of the same build, and one with the peer
 * made 200 µs slower per reply. Each run is tcp at 64 B, 3 repetitions of 300 ms (about 5 s a run).
 *
 * <p>One more run of the same build must pass: judged against the spread of three runs, net of
 * the box canary, with Holm's correction. The slowed run must fail, naming its cell. The metric is
 * p50, not the default p99: with other builds on the box, a run's p99 is the scheduler's time
 * slice, milliseconds, which hides even 200 µs, while the median moves by the whole delay. The
 * statistics themselves are tested on generated repetitions in {@link ChangeDecisionTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class GateEndToEndTest {
    private static final String CELL = "tcp/raw/64B/1c/latency";

    private Path history;
    private Path again;
    private Path slowed;

    @BeforeAll
    @Timeout(120)
    void runTheHarness(@TempDir Path folder) {
        history = folder.resolve("history");
        for (int i = 1; i <= 3; i++) {
            run(history.resolve("run" + i), "0");
        }
        again = run(folder.resolve("again"), "0");
        slowed = run(folder.resolve("slowed"), "200");
    }

    /**
     * Both sides on one CPU: on a small VM a cross-CPU round trip can flip between wake-up modes from
     * run to run; a same-CPU one is steadier.
     */
    private static String pin() {
        int first = CpuAffinity.allowedCpus().nextSetBit(0);
        return first + "," + first;
    }

    private static Path run(Path out, String peerDelayMicros) {
        StringWriter log = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(log, true));
        commandLine.setErr(new PrintWriter(log, true));
        int code = commandLine.execute("run", "--transports", "tcp", "--sizes", "64", "--duration", "300ms",
                "--interval", "100ms", "--warmup", "100ms", "--repetitions", "3", "--pin", pin(),
                "--peer-delay-us", peerDelayMicros, "--quiet", "--out", out.toString());
        assertEquals(0, code, "ipcbench run failed:\n" + log);
        return out;
    }

    @Test
    void oneMoreRunOfTheSameBuildPasses() {
        CommandRun same = GateCommandTest.gate("--history", history.toString(), "--candidate", again.toString(),
                "--metric", "p50");
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(same.out().contains(CELL), same.out());
        assertTrue(same.out().contains("  baseline   3 runs: "), same.out());
    }

    @Test
    void anInjectedPeerDelayFailsNamingTheCell() {
        CommandRun worse = GateCommandTest.gate("--history", history.toString(), "--candidate", slowed.toString(),
                "--metric", "p50");
        assertEquals(1, worse.exitCode(), worse.out() + worse.err());
        assertTrue(worse.out().contains("gate: REGRESSION: p50 regressed in 1 of 1 cells: " + CELL), worse.out());
        assertTrue(worse.out().contains("the candidate has an injected peer delay of 200 µs"), worse.out());
    }
}
