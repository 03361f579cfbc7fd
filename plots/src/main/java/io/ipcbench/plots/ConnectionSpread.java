package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

/**
 * How the p99 of single connections spreads in a many-connection cell: the best, the median and
 * the worst connection. A merged p99 alone hides one starved connection.
 */
public record ConnectionSpread(int connections, long bestP99Ns, long medianP99Ns, long worstP99Ns) {
    /** The JSON field a cell may carry it in: {@code {"best": ns, "median": ns, "worst": ns}}. */
    public static final String JSON_FIELD = "perConnectionP99Ns";

    /**
     * The spread for a cell: from its JSON node when the harness wrote one, else from the interval
     * log when that tags its histograms by connection; null when neither is there.
     */
    public static ConnectionSpread of(JsonNode cell, int connections, List<Histogram> intervals) {
        JsonNode node = cell == null ? null : cell.get(JSON_FIELD);
        if (node != null && node.path("best").isNumber() && node.path("worst").isNumber()) {
            return new ConnectionSpread(connections, node.path("best").asLong(),
                    node.path("median").asLong(node.path("best").asLong()), node.path("worst").asLong());
        }
        return fromTags(connections, intervals);
    }

    /** The spread over histograms tagged one per connection; null with fewer than two tags. */
    static ConnectionSpread fromTags(int connections, List<Histogram> intervals) {
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        for (Histogram interval : intervals) {
            if (interval.getTag() != null) {
                byTag.computeIfAbsent(interval.getTag(), tag -> new Histogram(interval.getNumberOfSignificantValueDigits()))
                        .add(interval);
            }
        }
        if (byTag.size() < 2) {
            return null;
        }
        List<Long> p99s = new ArrayList<>();
        for (Histogram histogram : byTag.values()) {
            p99s.add(histogram.getValueAtPercentile(99));
        }
        p99s.sort(null);
        return new ConnectionSpread(byTag.size(), p99s.get(0), p99s.get(p99s.size() / 2), p99s.get(p99s.size() - 1));
    }
}
