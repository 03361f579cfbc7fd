package io.ipcbench.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.results.RunFolder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Writes a cell's interval log while it is measured: every interval, a background thread takes
 * the recorder's interval histogram (the measuring thread is never stalled: the recorder is
 * wait-free for its one writer) and appends it with {@link HistogramLogWriter}. The log is written
 * under a temporary name and renamed when the cell ends, so a run folder never holds half a log.
 *
 * <p>A log holds one series of intervals, untagged, or several, each with a recorder of its own and
 * its intervals tagged with the series' name ({@link #sink(String)}): a rate cell's
 * {@link RunFolder#CORRECTED_TAG} and {@link RunFolder#RAW_TAG}, or a connect cell's untagged whole
 * operations with the connect alone beside them, {@link RunFolder#CONNECT_TAG}.
 */
public final class IntervalLogger implements AutoCloseable {
    /** Highest latency the histograms track: one hour. Longer values are clamped. */
    public static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    /** One series of intervals: its tag (null: none), the recorder the measuring thread writes, and its total. */
    private static final class Series {
        final String tag;
        final SingleWriterRecorder recorder = newRecorder();
        final RecorderSink sink = new RecorderSink(recorder);
        final Histogram total = new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
        Histogram recycled;

        Series(String tag) {
            this.tag = tag;
        }
    }

    private final List<Series> series;
    private final Path target;
    private final Path temporary;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long intervalMillis;
    private final Thread thread;
    private long intervalStartMillis;
    private volatile boolean finished;

    private IntervalLogger(Path target, String comment, long intervalMillis, List<String> tags) throws IOException {
        this.series = tags.stream().map(Series::new).toList();
        this.target = target;
        this.temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        this.out = new PrintStream(Files.newOutputStream(temporary), false, "UTF-8");
        this.writer = new HistogramLogWriter(out);
        this.intervalMillis = intervalMillis;
        long now = System.currentTimeMillis();
        this.intervalStartMillis = now;
        writer.outputComment(comment);
        writer.outputLogFormatVersion();
        writer.outputStartTime(now);
        writer.setBaseTime(now);
        writer.outputBaseTime(now);
        writer.outputLegend();
        series.forEach(one -> one.total.setStartTimeStamp(now));
        this.thread = new Thread(this::logUntilFinished, "ipcbench-interval-log");
        thread.setDaemon(true);
    }

    /** Starts logging one untagged series to {@code target}, with {@code comment} at the top of the file. */
    public static IntervalLogger start(Path target, String comment, long intervalMillis) throws IOException {
        return startTagged(target, comment, intervalMillis, Collections.singletonList(null));
    }

    /** Starts logging a series for each tag, in that order (null: the untagged one), to {@code target}. */
    public static IntervalLogger startTagged(Path target, String comment, long intervalMillis, List<String> tags)
            throws IOException {
        IntervalLogger logger = new IntervalLogger(target, comment, intervalMillis, tags);
        logger.thread.start();
        return logger;
    }

    public static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** What the measuring thread records the first series into; record from that one thread only. */
    public RecorderSink sink() {
        return series.get(0).sink;
    }

    /** What the measuring thread records the series tagged {@code tag} into; from that one thread only. */
    public RecorderSink sink(String tag) {
        return series.stream().filter(one -> Objects.equals(tag, one.tag)).findFirst().orElseThrow().sink;
    }

    private void logUntilFinished() {
        // Never inherit a pin: this thread may run on any CPU, the measured ones included; it sleeps between intervals.
        CpuAffinity.allowAllCpus();
        while (!finished) {
            try {
                Thread.sleep(Math.max(1, intervalStartMillis + intervalMillis - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                break;
            }
            if (!finished) {
                writeInterval();
            }
        }
    }

    private synchronized void writeInterval() {
        long now = System.currentTimeMillis();
        for (Series one : series) {
            Histogram interval = one.recorder.getIntervalHistogram(one.recycled);
            interval.setStartTimeStamp(intervalStartMillis);
            interval.setEndTimeStamp(now);
            interval.setTag(one.tag);
            writer.outputIntervalHistogram(interval);
            one.total.add(interval);
            one.recycled = interval;
        }
        intervalStartMillis = now;
    }

    /**
     * Writes the last interval, closes the log and moves it to its final name.
     *
     * @return every value recorded, over all intervals
     */
    public Histogram finish() throws IOException {
        return finish(List.of());
    }

    /**
     * As {@link #finish()}, and appends each connection's histogram of the whole measured part,
     * tagged {@code c<index>} (HdrHistogram's log tags), after the last interval.
     *
     * @return every value of the first series, over all intervals
     */
    public Histogram finish(List<Histogram> perConnection) throws IOException {
        return finishAll(perConnection).get(0);
    }

    /** As {@link #finish(List)}, returning every series' values, in the order of its tags. */
    public List<Histogram> finishAll(List<Histogram> perConnection) throws IOException {
        finished = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeInterval();
        long end = System.currentTimeMillis();
        for (int i = 0; i < perConnection.size(); i++) {
            Histogram connection = perConnection.get(i);
            connection.setTag(RunFolder.connectionTag(i));
            connection.setStartTimeStamp(series.get(0).total.getStartTimeStamp());
            connection.setEndTimeStamp(end);
            writer.outputIntervalHistogram(connection);
        }
        out.close();
        if (out.checkError()) {
            throw new IOException("could not write " + temporary);
        }
        RunFolder.moveAtomically(temporary, target);
        long finishedAt = System.currentTimeMillis();
        series.forEach(one -> one.total.setEndTimeStamp(finishedAt));
        return series.stream().map(one -> one.total).toList();
    }

    /** Abandons the log (for a cell that failed before measuring anything). */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            thread.interrupt();
            out.close();
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }
}
