package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Throughput;
import org.HdrHistogram.Histogram;

/**
 * A cell with what the charts need from its interval log, computed once: the intervals merged into
 * one histogram, the timeline, the aggregate rate. Everything else is the cell's record. The
 * interval histograms themselves are not kept: they are large.
 *
 * @param histogram        every interval merged, or null when the cell has no readable log; a rate cell's
 *                         are timed from each message's intended send
 * @param rawHistogram     a rate cell's intervals timed from the actual send, merged; null for other cells
 * @param timeline         one entry per interval (intervals with the same start merged), in order
 * @param roundTripsPerSec recorded values over the logged time, or null without a log
 */
public record CellData(CellResult cell, Histogram histogram, Histogram rawHistogram, List<LoggedInterval> timeline,
                       Double roundTripsPerSec) {
    public CellData {
        timeline = List.copyOf(timeline);
    }

    /** Reduces a cell and its interval histograms (possibly none) to what the charts use. */
    public static CellData of(CellResult cell, List<Histogram> intervals) {
        return of(cell, intervals, List.of());
    }

    /** As {@link #of(CellResult, List)}, with a rate cell's intervals timed from the actual send. */
    public static CellData of(CellResult cell, List<Histogram> intervals, List<Histogram> rawIntervals) {
        return new CellData(cell, merge(intervals), merge(rawIntervals), timeline(intervals), rate(intervals));
    }

    /** The intervals merged into one histogram, or null when there are none. */
    private static Histogram merge(List<Histogram> intervals) {
        if (intervals.isEmpty()) {
            return null;
        }
        // Auto-resizing, so the merge is as small as the values it holds.
        Histogram merged = new Histogram(intervals.get(0).getNumberOfSignificantValueDigits());
        for (Histogram interval : intervals) {
            merged.add(interval);
        }
        return merged;
    }

    /** One entry per interval, in order; histograms that start at the same moment are merged first. */
    static List<LoggedInterval> timeline(List<Histogram> intervals) {
        if (intervals.isEmpty()) {
            return List.of();
        }
        Map<Long, Histogram> byStart = new TreeMap<>();
        for (Histogram interval : intervals) {
            Histogram bucket = byStart.computeIfAbsent(interval.getStartTimeStamp(),
                    start -> newBucket(interval));
            bucket.add(interval);
            bucket.setEndTimeStamp(Math.max(bucket.getEndTimeStamp(), interval.getEndTimeStamp()));
        }
        long origin = byStart.keySet().iterator().next();
        List<LoggedInterval> timeline = new ArrayList<>();
        for (Histogram bucket : byStart.values()) {
            if (bucket.getTotalCount() == 0) {
                continue;
            }
            timeline.add(new LoggedInterval((bucket.getStartTimeStamp() - origin) / 1000.0, bucket.getTotalCount(),
                    bucket.getValueAtPercentile(50), bucket.getValueAtPercentile(99), bucket.getMaxValue()));
        }
        return timeline;
    }

    private static Histogram newBucket(Histogram like) {
        Histogram bucket = new Histogram(like.getNumberOfSignificantValueDigits());
        bucket.setStartTimeStamp(like.getStartTimeStamp());
        bucket.setEndTimeStamp(like.getEndTimeStamp());
        return bucket;
    }

    /** Values per second over the span the log covers; null when it covers no time. */
    static Double rate(List<Histogram> intervals) {
        if (intervals.isEmpty()) {
            return null;
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long count = 0;
        for (Histogram interval : intervals) {
            start = Math.min(start, interval.getStartTimeStamp());
            end = Math.max(end, interval.getEndTimeStamp());
            count += interval.getTotalCount();
        }
        return end > start ? count / ((end - start) / 1000.0) : null;
    }

    /** The transport as the harness names its cells, with its variant: {@code tcp}, {@code shm-spin}. */
    public String transport() {
        return cell.transportName();
    }

    /** The engine; runs from before engines existed were all raw. */
    public String engine() {
        return cell.engine() == null ? RunConfig.ENGINE_RAW : cell.engine();
    }

    /** The mode; runs from before modes existed measured latency. */
    public String mode() {
        return cell.cellMode().label();
    }

    /** Whether the cell measured round trips (ping-pong), not one-way throughput or an offered rate. */
    public boolean latencyMode() {
        return cell.cellMode() == CellMode.LATENCY;
    }

    /** Whether the cell measured round trips at an offered rate. */
    public boolean rateMode() {
        return cell.cellMode() == CellMode.RATE;
    }

    /** Whether the cell measured connection set-up: operations that each dial a new connection. */
    public boolean connectMode() {
        return cell.cellMode() == CellMode.CONNECT;
    }

    public int size() {
        return cell.size();
    }

    public int connections() {
        return cell.connections();
    }

    public boolean ok() {
        return cell.ok();
    }

    /** What a throughput-mode cell moved; null for a latency cell. */
    public Throughput throughput() {
        return cell.throughput();
    }

    /** The round trip at a percentile in nanoseconds: from the log when there is one, else the summary in run.json. */
    public long percentileNs(double percentile) {
        if (histogram != null && histogram.getTotalCount() > 0) {
            return histogram.getValueAtPercentile(percentile);
        }
        var s = cell.latencyNs();
        if (s == null) {
            return 0;
        }
        if (percentile <= 50) {
            return s.p50();
        } else if (percentile <= 90) {
            return s.p90();
        } else if (percentile <= 99) {
            return s.p99();
        } else if (percentile <= 99.9) {
            return s.p999();
        } else if (percentile <= 99.99) {
            return s.p9999();
        }
        return s.max();
    }

    /** Whether the cell recorded any latency at all. */
    public boolean hasLatency() {
        return (histogram != null && histogram.getTotalCount() > 0)
                || (cell.latencyNs() != null && cell.latencyNs().count() > 0);
    }
}
