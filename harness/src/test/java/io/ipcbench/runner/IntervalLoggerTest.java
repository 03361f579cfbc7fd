package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.results.RunFolder;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
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
        RoundTripLoop.LatencySink sink = logger.sink();
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

    @Test
    void intervalsFollowOneAnotherFromTheLogsBaseTimeWithoutGapsOrOverlaps() throws Exception {
        Path log = folder.resolve("timed.hlog");
        long before = System.currentTimeMillis();
        IntervalLogger logger = IntervalLogger.start(log, "timed cell", 20);
        RoundTripLoop.LatencySink sink = logger.sink();
        for (int i = 0; i < 5; i++) {
            sink.record(1_000 + i);
            Thread.sleep(30);
        }
        logger.finish();
        long after = System.currentTimeMillis();

        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        List<Histogram> intervals = new ArrayList<>();
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            intervals.add((Histogram) h);
        }
        assertTrue(intervals.size() >= 3, intervals.size() + " intervals");
        long baseMillis = Math.round(reader.getStartTimeSec() * 1000);
        assertTrue(baseMillis >= before && baseMillis <= after, "the log starts when the cell started: " + baseMillis);
        // The reader adds the base time back: timestamps are absolute milliseconds.
        assertEquals(baseMillis, intervals.get(0).getStartTimeStamp(), "the first interval starts at the base time");
        for (int i = 0; i < intervals.size(); i++) {
            Histogram interval = intervals.get(i);
            assertTrue(interval.getEndTimeStamp() >= interval.getStartTimeStamp(), "interval " + i + " has a length");
            if (i > 0) {
                // The log writes times as decimal seconds; reading them back may round a millisecond off.
                assertEquals(intervals.get(i - 1).getEndTimeStamp(), interval.getStartTimeStamp(), 1.0,
                        "interval " + i + " starts where the one before ended");
            }
        }
        assertTrue(intervals.get(intervals.size() - 1).getEndTimeStamp() <= after, "the last ends by the finish");
        assertEquals(5, intervals.stream().mapToLong(Histogram::getTotalCount).sum());
    }
}
