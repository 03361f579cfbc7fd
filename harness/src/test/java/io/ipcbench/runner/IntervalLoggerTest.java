package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.results.RunFolder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An interval log reads back, with HdrHistogram's own reader, to the same totals as were recorded. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IntervalLoggerTest {
    @TempDir
    Path folder;

    @Test
    void writesIntervalsThatAddUpToWhatWasRecorded() throws Exception {
        Path log = folder.resolve("cell.hlog");
        IntervalLogger logger = IntervalLogger.start(log, "test cell", 20);
        PingPongLoop.LatencySink sink = logger.sink();
        long expectedSum = 0;
        for (int i = 1; i <= 30_000; i++) {
            sink.record(i);
            expectedSum += i;
            if (i % 10_000 == 0) {
                Thread.sleep(60); // let a few intervals pass
            }
        }
        assertFalse(Files.exists(log), "the log keeps a temporary name until the cell ends");
        Histogram total = logger.finish();

        List<Histogram> intervals = RunFolder.readIntervals(log);
        assertTrue(intervals.size() >= 2, "several intervals: " + intervals.size());
        Histogram reread = new Histogram(3);
        intervals.forEach(reread::add);
        assertEquals(30_000, reread.getTotalCount());
        assertEquals(total.getTotalCount(), reread.getTotalCount());
        assertEquals(total.getMaxValue(), reread.getMaxValue());
        assertEquals(expectedSum / 30_000.0, reread.getMean(), 30_000 * 0.001, "mean within histogram precision");
        assertTrue(Files.readString(log).startsWith("#test cell"));
    }
}
