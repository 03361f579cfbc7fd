package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.ConnectSetUp;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.SummaryTable;

import static io.ipcbench.plots.Html.escape;
import static io.ipcbench.plots.ReportTables.num;

/**
 * The report's table of the connect cells, apart from the round trips because what it times is
 * another thing: a whole operation (a connection dialled, one request, its reply, the close) and,
 * within it, the connect alone; with operations a second, who closed first and the TIME_WAIT each
 * side held at the end. A connect cell that failed before it had figures shows here, shaded. Empty
 * for a run without connect cells.
 */
final class ConnectSection {
    private ConnectSection() {
    }

    static String render(RunData run, Path pageFolder) {
        List<CellData> cells = ReportTables.grouped(run.cells().stream().filter(CellData::connectMode).toList());
        if (cells.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Connection set-up</h3>\n<p>Each operation dials a new "
                + "connection, sends one request of the cell's size, takes its reply and closes, timed as a whole; "
                + "the connect alone (for TCP, until the handshake is answered) is timed within it. Loops dial side "
                + "by side. TIME_WAIT counts that side's TCP sockets to the peer held in TIME_WAIT when the "
                + "measured part ended.</p>\n<table class=\"cells\"><thead><tr><th>#</th><th>transport</th>"
                + "<th>engine</th><th>size</th><th>loops</th><th>rep</th><th>closer</th><th>operations</th>"
                + "<th>operations/s</th><th>connect p50 µs</th><th>connect p99 µs</th><th>operation p50 µs</th>"
                + "<th>operation p99 µs</th><th>operation max µs</th><th>TIME_WAIT client / peer</th>"
                + "<th>problems</th><th>log</th></tr></thead><tbody>");
        for (CellData data : cells) {
            CellResult cell = data.cell();
            ConnectSetUp setUp = cell.setUp();
            LatencySummary operation = cell.latencyNs() != null ? cell.latencyNs() : LatencySummary.EMPTY;
            LatencySummary connect = setUp != null && setUp.connectNs() != null ? setUp.connectNs()
                    : LatencySummary.EMPTY;
            html.append(cell.ok() ? "<tr>" : "<tr class=\"failed\">")
                    .append(ReportTables.identity(run, data))
                    .append("<td>").append(escape(setUp == null ? "–" : closer(setUp))).append("</td>")
                    .append(num(String.format(Locale.ROOT, "%,d", operation.count())))
                    .append(num(cell.roundTripsPerSec() > 0
                            ? String.format(Locale.ROOT, "%,.0f", cell.roundTripsPerSec()) : "–"))
                    .append(num(micros(connect, connect.p50())))
                    .append(num(micros(connect, connect.p99())))
                    .append(num(micros(operation, operation.p50())))
                    .append(num(micros(operation, operation.p99())))
                    .append(num(micros(operation, operation.max())))
                    .append(num(setUp == null ? "–" : count(setUp.timeWaitClient()) + " / "
                            + count(setUp.timeWaitPeer())))
                    .append("<td>").append(escape(ReportTables.problems(cell))).append("</td><td>");
            if (cell.histogramLog() != null) {
                html.append(Html.link(pageFolder, run.folder().resolve(cell.histogramLog()), ".hlog"));
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String closer(ConnectSetUp setUp) {
        return setUp.linger0() ? setUp.closer() + " (reset)" : setUp.closer();
    }

    private static String micros(LatencySummary summary, long nanos) {
        return summary.count() > 0 ? ReportTables.micros(nanos) : "–";
    }

    /** A TIME_WAIT count, or a dash for a transport that has none. */
    private static String count(Integer sockets) {
        return sockets == null ? "–" : String.format(Locale.ROOT, "%,d", sockets);
    }

}
