package io.ipcbench.plots;

import java.util.List;
import java.util.Locale;

import io.ipcbench.results.CellLoad;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.CpuCost;
import io.ipcbench.results.SummaryTable;

import static io.ipcbench.plots.Html.escape;
import static io.ipcbench.plots.ReportTables.num;

/**
 * The report's table of what each cell cost in CPU time and context switches per message (a round
 * trip in latency mode), on each side, beside the box's load around it. Empty for runs made before
 * the cost was recorded.
 */
final class CpuCostSection {
    private CpuCostSection() {
    }

    static String render(RunData run) {
        List<CellData> cells = run.cells().stream().filter(c -> c.cell().cpuCost() != null).toList();
        if (cells.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>CPU per message</h3>\n<p>User and system CPU time of each process "
                + "and its context switches over the measured part, divided by the round trips (latency) or the "
                + "messages received (throughput); then the load average before the cell, and the steal time of its "
                + "CPUs and the busy time of the other CPUs during it.</p>\n<table class=\"cells\"><thead><tr>"
                + "<th>transport</th><th>engine</th><th>mode</th><th>size</th><th>conn</th><th>rep</th>"
                + "<th>client µs</th><th>peer µs</th><th>total µs</th><th>client switches</th><th>peer switches</th>"
                + "<th>load before</th><th>steal %</th><th>other CPUs busy %</th></tr></thead><tbody>");
        for (CellData data : cells) {
            CellResult cell = data.cell();
            CpuCost cost = cell.cpuCost();
            CellLoad load = cell.boxLoad() != null ? cell.boxLoad() : new CellLoad(null, null, null);
            html.append(cell.ok() ? "<tr>" : "<tr class=\"failed\">")
                    .append("<td>").append(ReportTables.swatch(data.transport())).append(escape(data.transport()))
                    .append("</td><td>").append(escape(data.engine())).append("</td><td>").append(escape(data.mode()))
                    .append("</td>").append(num(SummaryTable.size(cell.size())))
                    .append(num(Integer.toString(cell.connections())))
                    .append(num(Integer.toString(cell.repetition() + 1)))
                    .append(num(figure(cost.client() == null ? null : cost.client().cpuMicrosPerMessage(), "%,.2f")))
                    .append(num(figure(cost.peer() == null ? null : cost.peer().cpuMicrosPerMessage(), "%,.2f")))
                    .append(num(figure(cost.cpuMicrosPerMessage(), "%,.2f")))
                    .append(num(figure(cost.client() == null ? null : cost.client().contextSwitchesPerMessage(),
                            "%.2f")))
                    .append(num(figure(cost.peer() == null ? null : cost.peer().contextSwitchesPerMessage(), "%.2f")))
                    .append(num(figure(load.loadAverageBefore(), "%.2f")))
                    .append(num(figure(load.stealPercent(), "%.1f")))
                    .append(num(figure(load.otherCpusBusyPercent(), "%.1f")))
                    .append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String figure(Double value, String format) {
        return value == null ? "–" : String.format(Locale.ROOT, format, value);
    }

}
