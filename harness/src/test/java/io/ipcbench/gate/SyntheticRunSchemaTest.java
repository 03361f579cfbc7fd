package io.ipcbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runs the gate tests build, unpinned and interrupted ones too, are valid run.json files. */
@Timeout(60)
class SyntheticRunSchemaTest {
    @Test
    void theGatesSyntheticRunsAreValid(@TempDir Path dir) throws IOException {
        Path pinned = new SyntheticRun("pinned", 1).cell("tcp", 64, 1.0)
                .cell("udp", 64, 1, 1.0, 5, 100, CellResult.FAILED).write(dir.resolve("pinned"));
        Path unpinned = new SyntheticRun("unpinned", 2).pin(null, null).interrupted().peerDelayMicros(50)
                .cell("unix-stream", 1024, 1.0).write(dir.resolve("unpinned"));

        assertEquals(List.of(), RunSchema.problems(pinned.resolve(RunFolder.RUN_JSON)));
        assertEquals(List.of(), RunSchema.problems(unpinned.resolve(RunFolder.RUN_JSON)));
    }
}
