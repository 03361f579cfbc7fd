package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipcbench.results.BoxRows;

import static io.ipcbench.plots.Html.escape;

/**
 * The report's table of the box each run was made on: the CPUs' frequency and idle settings, how
 * the two pinned CPUs share a core and caches, hypervisor, mitigations, kernel parameters, TCP
 * settings, both JVMs' flags; one column per run. Empty for runs made before the box was recorded.
 */
final class BoxSection {
    private BoxSection() {
    }

    static String render(List<RunData> runs) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (BoxRows.Row row : BoxRows.of(runs.get(i).environment())) {
                List<String> values = rows.computeIfAbsent(row.label(), label -> new ArrayList<>());
                while (values.size() < i) {
                    values.add("–");
                }
                values.add(row.value());
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3 id=\"box\">The box</h3>\n<p>What decides whether the figures are "
                + "steady: read at the start of the run. The warnings at the top of the page say what to change."
                + "</p>\n<table class=\"env\"><tbody>");
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            html.append("<tr><th>").append(escape(row.getKey())).append("</th>");
            for (int i = 0; i < runs.size(); i++) {
                html.append("<td>").append(escape(i < row.getValue().size() ? row.getValue().get(i) : "–"))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }
}
