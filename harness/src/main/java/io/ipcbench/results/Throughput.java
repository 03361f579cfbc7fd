package io.ipcbench.results;

import java.util.List;

/**
 * What a one-way throughput cell moved over its measured part (warm-up excluded), summed over its
 * connections, and how the rate went over time.
 *
 * @param messages messages the receiver got whole
 * @param bytes    bytes the receiver got
 * @param series   one sample per interval, for a chart of throughput over time
 */
public record Throughput(long messages, long bytes, double seconds, double messagesPerSec, double bytesPerSec,
                         List<ThroughputSample> series) {
    public static Throughput of(long messages, long bytes, double seconds, List<ThroughputSample> series) {
        return new Throughput(messages, bytes, seconds, seconds > 0 ? messages / seconds : 0,
                seconds > 0 ? bytes / seconds : 0, List.copyOf(series));
    }

    /** One interval of a throughput cell: seconds from the start of measurement. */
    public record ThroughputSample(double startSeconds, double endSeconds, long messages, long bytes) {
    }
}
