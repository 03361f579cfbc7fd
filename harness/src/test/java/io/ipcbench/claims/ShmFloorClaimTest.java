package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.results.ClaimVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** shm-floor: shm, in each idle strategy measured, against the fastest kernel path, with a factor of 10 to clear. */
@Timeout(60)
class ShmFloorClaimTest {
    @TempDir
    Path dir;

    private SyntheticRun kernelPaths(String name) throws IOException {
        // pipe is the fastest kernel path here: the one shm is held against.
        return new SyntheticRun(dir.resolve(name), 1).latency("pipe", 64, 5_000).latency("unix-stream", 64, 8_000)
                .latency("pipe", 16_384, 9_000).latency("unix-stream", 16_384, 12_000);
    }

    /** Busy spin, 25 and 13 times below pipe. */
    private static SyntheticRun withSpin(SyntheticRun run) throws IOException {
        return run.latency("shm", "spin", 64, 200, 1.9).latency("shm", "spin", 16_384, 700, 2.4);
    }

    /** Backoff, about 3 times below pipe. */
    private static SyntheticRun withBackoff(SyntheticRun run) throws IOException {
        return run.latency("shm", "backoff", 64, 1_500, 0.4).latency("shm", "backoff", 16_384, 3_000, 0.6);
    }

    @Test
    void tenTimesBelowTheFastestKernelPathAtEverySizeHolds() throws IOException {
        SyntheticRun run = withSpin(kernelPaths("floor"));
        ClaimVerdict v = ClaimsJudgeTest.judge(run, Claim.SHM_FLOOR);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + "\n" + v.figures());
        assertTrue(v.summary().endsWith("It holds with shm-spin."), v.summary());
        assertTrue(v.comparisons().stream().allMatch(c -> "pipe".equals(c.reference())), v.comparisons().toString());
        assertEquals(4, v.comparisons().size(), "p50 and p99 at two sizes");
        assertTrue(v.figures().stream().anyMatch(f -> f.startsWith("CPU per round trip at 64 B")
                && f.contains("shm-spin 1.90 µs") && f.contains("pipe not measured")), v.figures().toString());
        assertTrue(v.figures().stream().anyMatch(f -> f.contains("against the 10.0x claimed: holds")),
                v.figures().toString());
        assertEquals(null, v.correction(), "one variant: nothing to correct");
    }

    @Test
    void fasterButNotTenTimesDoesNotHold() throws IOException {
        SyntheticRun run = withBackoff(kernelPaths("short"));
        ClaimVerdict v = ClaimsJudgeTest.judge(run, Claim.SHM_FLOOR);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, v.verdict(), v.summary() + "\n" + v.figures());
        assertTrue(v.summary().contains("short of 10.0x"), v.summary());
    }

    @Test
    void oneIdleStrategyIsEnoughAndIsNamedWithTheCorrection() throws IOException {
        SyntheticRun run = withBackoff(withSpin(kernelPaths("strategies")));
        ClaimVerdict v = ClaimsJudgeTest.judge(run, Claim.SHM_FLOOR);
        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + "\n" + v.figures());
        assertTrue(v.summary().contains("shm-backoff against the fastest kernel path, 10.0x needed: does not hold"),
                v.summary());
        assertTrue(v.summary().contains("It holds with shm-spin. (Bonferroni over 2 variants"), v.summary());
        assertNotNull(v.correction());
        assertTrue(v.correction().startsWith("Bonferroni over 2 variants"), v.correction());
    }

    @Test
    void withoutAKernelTransportItIsNotMeasured() throws IOException {
        SyntheticRun run = new SyntheticRun(dir.resolve("alone"), 1).latency("shm", "spin", 64, 200, 1.9);
        ClaimVerdict v = ClaimsJudgeTest.judge(run, Claim.SHM_FLOOR);
        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict(), v.summary());
        assertTrue(v.summary().contains("--transports shm,pipe,unix-stream"), v.summary());
    }
}
