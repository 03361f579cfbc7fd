package io.ipcbench.plots;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code throughput} object of a throughput-mode cell in {@code run.json}. Read from the JSON
 * tree rather than a harness record, so this view keeps working while that record takes shape, and
 * reads older runs that lack it.
 */
public record Throughput(long messages, long bytes, double seconds, double messagesPerSec, double bytesPerSec) {
    /** The throughput in a cell's JSON node, or null when the cell has none. */
    public static Throughput from(JsonNode cell) {
        JsonNode node = cell == null ? null : cell.get("throughput");
        if (node == null || !node.isObject() || !node.path("bytesPerSec").isNumber()
                || !node.path("messagesPerSec").isNumber()) {
            return null;
        }
        return new Throughput(node.path("messages").asLong(), node.path("bytes").asLong(),
                node.path("seconds").asDouble(), node.path("messagesPerSec").asDouble(),
                node.path("bytesPerSec").asDouble());
    }
}
