package io.ipcbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipcbench.results.RunFolder;

import static io.ipcbench.plots.Html.escape;

/**
 * The report's JMH results, from the {@code jmh.json} a run made with {@code run-bench.sh --jmh}
 * keeps beside {@code run.json}. JMH's format is not ipcbench's, so it is read as a tree, not a
 * record: the table shows whatever fields JMH wrote, and nothing when the file is absent.
 */
final class JmhSection {
    static final String JMH_JSON = "jmh.json";

    private JmhSection() {
    }

    /** The section for one run, an empty string when it has no JMH results, or a warning when they cannot be read. */
    static String html(RunData run) {
        try {
            JsonNode results = results(run);
            return results == null ? "" : "<h3>JMH benchmarks</h3>\n" + table(results);
        } catch (IOException e) {
            return "<div class=\"warn\">" + escape(JMH_JSON + " could not be read: " + e.getMessage()) + "</div>\n";
        }
    }

    /** The JMH results beside a run, or null when the run has no jmh.json. */
    private static JsonNode results(RunData run) throws IOException {
        Path file = run.folder().resolve(JMH_JSON);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode tree = RunFolder.json().readTree(file.toFile());
        return tree != null && tree.isArray() && tree.size() > 0 ? tree : null;
    }

    /** JMH's results: benchmark, parameters, mode, score with its error and unit. */
    private static String table(JsonNode results) {
        StringBuilder html = new StringBuilder("<table class=\"cells\"><thead><tr><th>benchmark</th><th>parameters</th>"
                + "<th>mode</th><th>score</th><th>± error</th><th>unit</th></tr></thead><tbody>");
        for (JsonNode result : results) {
            String benchmark = text(result.get("benchmark"));
            StringBuilder params = new StringBuilder();
            for (Map.Entry<String, JsonNode> param : result.path("params").properties()) {
                params.append(params.length() > 0 ? ", " : "").append(param.getKey()).append('=')
                        .append(text(param.getValue()));
            }
            JsonNode metric = result.path("primaryMetric");
            // "io.ipcbench.benchmarks.PingPong.roundTrip" reads as "PingPong.roundTrip".
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            html.append("<tr><td><code>").append(escape(shortName)).append("</code></td><td>")
                    .append(escape(params.toString()))
                    .append("</td><td>").append(escape(text(result.get("mode")))).append("</td>")
                    .append("<td class=\"num\">").append(escape(number(metric.get("score")))).append("</td>")
                    .append("<td class=\"num\">").append(escape(number(metric.get("scoreError")))).append("</td>")
                    .append("<td>").append(escape(text(metric.get("scoreUnit")))).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** A JSON value as text: strings as they are, anything else as compact JSON. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return node == null ? "–" : text(node);
        }
        return String.format(Locale.ROOT, "%,.3f", node.asDouble());
    }
}
