package io.ipcbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.results.RunFolder;

import static io.ipcbench.plots.Html.escape;

/**
 * Report sections read generically from JSON that other parts of ipcbench write: the claims
 * verdicts in run.json and JMH's {@code jmh.json}. Read as trees, not records, so the report shows
 * whatever fields they carry, and shows nothing when they are absent.
 */
final class JsonSections {
    static final String JMH_JSON = "jmh.json";
    /** Fields shown in their own column; every other field of a claim goes under "evidence". */
    private static final Set<String> CLAIM_COLUMNS = Set.of("id", "claim", "statement", "title", "verdict");

    private JsonSections() {
    }

    /**
     * The claims of a run as a list of objects: run.json may hold them as an array, or as an object
     * keyed by claim id. Empty when the run has none.
     */
    static List<JsonNode> claims(RunData run) {
        JsonNode claims = run.tree().get("claims");
        if (claims == null) {
            return List.of();
        }
        if (claims.isArray()) {
            return toList(claims);
        }
        if (claims.isObject()) {
            ArrayNode list = RunFolder.json().createArrayNode();
            for (Map.Entry<String, JsonNode> entry : claims.properties()) {
                if (entry.getValue().isObject()) {
                    ObjectNode claim = RunFolder.json().createObjectNode().put("id", entry.getKey());
                    claim.setAll((ObjectNode) entry.getValue());
                    list.add(claim);
                }
            }
            return toList(list);
        }
        return List.of();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** The claims table: claim, verdict (coloured by kind), and every other field as evidence. */
    static String claimsTable(List<JsonNode> claims) {
        StringBuilder html = new StringBuilder("<table class=\"claims\"><thead><tr><th>claim</th><th>verdict</th>"
                + "<th>evidence</th></tr></thead><tbody>");
        for (JsonNode claim : claims) {
            String verdict = text(claim.get("verdict"));
            html.append("<tr><td>");
            if (claim.hasNonNull("id")) {
                html.append("<code>").append(escape(text(claim.get("id")))).append("</code><br>");
            }
            for (String field : List.of("claim", "statement", "title")) {
                if (claim.hasNonNull(field)) {
                    html.append(escape(text(claim.get(field))));
                    break;
                }
            }
            html.append("</td><td><span class=\"verdict ").append(verdictClass(verdict)).append("\">")
                    .append(escape(verdict.isEmpty() ? "–" : verdict)).append("</span></td><td>");
            for (Map.Entry<String, JsonNode> field : claim.properties()) {
                if (CLAIM_COLUMNS.contains(field.getKey()) || field.getValue().isNull()) {
                    continue;
                }
                html.append("<div><b>").append(escape(field.getKey())).append(":</b> ");
                if (field.getValue().isArray()) {
                    // A list of figures reads best as a list, one figure a line.
                    html.append("<ul>");
                    for (JsonNode item : field.getValue()) {
                        html.append("<li>").append(escape(text(item))).append("</li>");
                    }
                    html.append("</ul>");
                } else {
                    html.append(escape(text(field.getValue())));
                }
                html.append("</div>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** A CSS class by what the verdict says: holds, does not hold, inconclusive, or not measured. */
    static String verdictClass(String verdict) {
        String v = verdict.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (v.contains("not measured")) {
            return "unmeasured";
        }
        if (v.contains("not hold") || v.contains("does not")) {
            return "fails";
        }
        if (v.contains("hold")) {
            return "holds";
        }
        return "inconclusive";
    }

    /** A JSON value as text: strings as they are, anything else as compact JSON. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** The JMH results beside a run, or null when the run has no jmh.json. */
    static JsonNode jmh(RunData run) throws IOException {
        Path file = run.folder().resolve(JMH_JSON);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode tree = RunFolder.json().readTree(file.toFile());
        return tree != null && tree.isArray() && tree.size() > 0 ? tree : null;
    }

    /** JMH's results: benchmark, parameters, mode, score with its error and unit. */
    static String jmhTable(JsonNode results) {
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

    private static String number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return node == null ? "–" : text(node);
        }
        return String.format(Locale.ROOT, "%,.3f", node.asDouble());
    }
}
