package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellResult;
import org.HdrHistogram.Histogram;

/**
 * A cell with what the charts need from its interval log, computed once: the intervals merged into
 * one histogram, the timeline, the aggregate rate; and what its JSON adds (throughput, the spread
 * over connections). The interval histograms themselves are not kept: they are large.
 *
 * @param histogram        every interval merged, or null when the cell has no readable log
 * @param timeline         one point per interval (intervals with the same start merged), in order
 * @param roundTripsPerSec recorded values over the logged time, or null without a log
 * @param throughput       for throughput-mode cells, else null
 * @param spread           per-connection p99 spread, for many-connection cells that carry it, else null
 */
public record CellData(CellResult cell, Histogram histogram, List<IntervalPoint> timeline, Double roundTripsPerSec,
                       Throughput throughput, ConnectionSpread spread) {
    public static final String MODE_THROUGHPUT = "throughput";

    public CellData {
        timeline = List.copyOf(timeline);
    }

    /** Reduces a cell and its interval histograms (possibly none) to what the charts use. */
    public static CellData of(CellResult cell, JsonNode cellJson, List<Histogram> intervals) {
        Histogram merged = null;
        if (!intervals.isEmpty()) {
            // Auto-resizing, so the merge is as small as the values it holds.
            merged = new Histogram(intervals.get(0).getNumberOfSignificantValueDigits());
            for (Histogram interval : intervals) {
                merged.add(interval);
            }
        }
        return new CellData(cell, merged, timeline(intervals), rate(intervals), Throughput.from(cellJson),
                cell.connections() > 1 ? ConnectionSpread.of(cellJson, cell.connections(), intervals) : null);
    }

    /**
     * One point per interval. Histograms that start at the same moment (one per connection, when
     * the log tags them) are merged first, so each point covers every connection.
     */
    static List<IntervalPoint> timeline(List<Histogram> intervals) {
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
        List<IntervalPoint> points = new ArrayList<>();
        for (Histogram bucket : byStart.values()) {
            if (bucket.getTotalCount() == 0) {
                continue;
            }
            points.add(new IntervalPoint((bucket.getStartTimeStamp() - origin) / 1000.0, bucket.getTotalCount(),
                    bucket.getValueAtPercentile(50), bucket.getValueAtPercentile(99), bucket.getMaxValue()));
        }
        return points;
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
        return cell.mode() == null ? RunConfig.MODE_LATENCY : cell.mode();
    }

    public boolean latency() {
        return RunConfig.MODE_LATENCY.equals(mode());
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

    /** The latency at a percentile in nanoseconds: from the log when there is one, else the summary in run.json. */
    public long latencyNs(double percentile) {
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
