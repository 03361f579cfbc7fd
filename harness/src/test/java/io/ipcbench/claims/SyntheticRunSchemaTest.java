package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runs the claims tests build, with every kind of cell, probe and verdict, are valid run.json files. */
@Timeout(60)
class SyntheticRunSchemaTest {
    @Test
    void aSyntheticRunWithProbesAndVerdictsIsValid(@TempDir Path dir) throws IOException {
        LatencySummary nagle = new LatencySummary(100, 40, 40, 40, 80, 80, 80, 120, 40, 1);
        ProbeResults probes = new ProbeResults(List.of(new ProbeResults.BoundaryProbe("tcp", List.of(100, 17), List.of(117), false)),
                List.of(new ProbeResults.DatagramLimit("udp", 65_507, 65_508, "EMSGSIZE: Message too long")),
                List.of(new ProbeResults.NagleProbe(false, 16, 48, nagle), new ProbeResults.NagleProbe(true, 16, 48, nagle)),
                List.of(new ProbeResults.BulkTransfer("udp", "127.0.0.1", 1_440, 5_000, 0.1, 4_990, 10, "ok", null)));
        SyntheticRun synthetic = new SyntheticRun(dir.resolve("run"), 1).probes(probes)
                .latency("tcp", 64, 8, 0, 20_000, 10, 1_000)
                .latency("udp", 64, 12_000)
                .throughput("udp", 64, 1e8).datagrams(new DatagramCounts(1_000, 990, 10, 0, 2, 3))
                .latencyRepetitions("pipe", 64, 9_000).failed("the peer exited with code 1")
                .rateSweep("tcp", 64, 20_000, 50, 25, 50, 100)
                .latency("shm", "spin", 64, 300, 1.5);
        Path folder = synthetic.write();
        RunFolder.write(folder, synthetic.build().withClaims(
                new ClaimsJudge(ClaimSettings.defaults()).judge(synthetic.build())));

        assertEquals(List.of(), RunSchema.problems(folder.resolve(RunFolder.RUN_JSON)));
    }
}
