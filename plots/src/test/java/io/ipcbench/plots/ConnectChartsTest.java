package io.ipcbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.TestRuns.Cell;
import io.ipcbench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect cells, read back from a run folder: the connect alone by transport at one loop, and
 * connections per second against loops; a run without them says what collects them.
 */
@Timeout(30)
class ConnectChartsTest {
    @TempDir
    Path dir;

    private ChartSet charts(List<Cell> cells) throws IOException, RunFolder.InvalidRunException {
        Path folder = TestRuns.write(dir.resolve("run"), "connect", cells, List.of());
        return Charts.build(List.of(RunData.load(0, "connect", folder)));
    }

    @Test
    void theConnectAloneByTransportAndConnectionsPerSecondAgainstLoops() throws Exception {
        ChartSet set = charts(List.of(Cell.connect("tcp", 64, 1, 30_000, 8_000),
                Cell.connect("tcp", 64, 16, 60_000, 14_000), Cell.connect("unix-stream", 64, 1, 6_000, 12_000),
                Cell.connect("unix-stream", 64, 16, 9_000, 30_000), Cell.latency("tcp", 64, 20_000, 3)));

        ChartSpec setUp = set.chart(ConnectCharts.SETUP_ID);
        assertEquals(Kind.CONNECT_SETUP, setUp.kind());
        assertEquals(List.of("tcp", "unix-stream"), setUp.seriesNames());
        assertEquals(30.0, setUp.series("tcp").points().get(0).y(), 0.1, "tcp's connect alone, µs, one loop");
        assertEquals(64.0, setUp.series("tcp").points().get(0).x());
        assertEquals(6.0, setUp.series("unix-stream").points().get(0).y(), 0.1);

        ChartSpec rate = set.chart(ConnectCharts.RATE_ID + "-64B");
        assertEquals(Kind.CONNECT_RATE, rate.kind());
        assertEquals(List.of(new Point(1, 8_000), new Point(16, 14_000)), rate.series("tcp").points());
        assertEquals(List.of(new Point(1, 12_000), new Point(16, 30_000)), rate.series("unix-stream").points());
        assertTrue(rate.xAxis().logarithmic());
        // The latency cell draws no connect chart, and the connect cells no round-trip chart.
        assertEquals(List.of("tcp"), set.chart("spectrum-64B").seriesNames());
        assertEquals(2, set.of(Kind.CONNECT_SETUP).size() + set.of(Kind.CONNECT_RATE).size());
    }

    @Test
    void aRunWithoutConnectCellsSaysWhatCollectsThem() throws Exception {
        ChartSet set = charts(List.of(Cell.latency("tcp", 64, 20_000, 3)));

        assertTrue(set.of(Kind.CONNECT_SETUP).isEmpty() && set.of(Kind.CONNECT_RATE).isEmpty());
        assertTrue(set.omitted().stream().anyMatch(o -> o.kind() == Kind.CONNECT_SETUP
                && o.reason().contains("--connect-sizes")), set.omitted().toString());
    }
}
