package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.OfferedLoad;
import io.ipcbench.results.RepetitionSummary;
import io.ipcbench.results.SummaryTable;
import io.ipcbench.results.SustainableRate;

import static io.ipcbench.plots.Html.escape;
import static io.ipcbench.plots.ReportTables.num;

/**
 * The report's tables of the rate cells: each cell's rate asked for, offered and achieved, a missed
 * rate flagged, its percentiles timed from the intended send with those from the actual send
 * beside them; and each sweep's sustainable rate within the run's p99 budget. Empty for a run
 * without rate cells.
 */
final class RateSection {
    private RateSection() {
    }

    static String render(RunData run, Path pageFolder) {
        List<CellData> cells = ReportTables.grouped(run.cells().stream().filter(CellData::rateMode).toList());
        if (cells.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Under offered load</h3>\n<p>Round trips sent on a schedule, "
                + "several in flight, each timed from when it was due to go (corrected for coordinated omission) "
                + "and, in brackets where it differs by more than 5%, from when it went (raw). A rate the sender "
                + "could not keep is flagged, never left out.</p>\n<table class=\"cells\"><thead><tr>"
                + "<th>#</th><th>transport</th><th>engine</th><th>size</th><th>conn</th><th>rep</th><th>rate</th>"
                + "<th>offered /s</th><th>achieved /s</th><th>count</th><th>p50 µs</th><th>p99 µs</th>"
                + "<th>p99.9 µs</th><th>max µs</th><th>problems</th><th>log</th></tr></thead><tbody>");
        for (CellData data : cells) {
            CellResult cell = data.cell();
            OfferedLoad load = cell.rate();
            LatencySummary corrected = cell.latencyNs();
            LatencySummary raw = load.rawNs();
            String miss = load.describeMiss();
            String problems = ReportTables.problems(cell);
            html.append(cell.ok() && miss == null ? "<tr>" : "<tr class=\"failed\">")
                    .append(ReportTables.identity(run, data))
                    .append("<td>").append(escape(load.requested().text())).append("</td>")
                    .append(num(String.format(Locale.ROOT, "%,.0f", load.targetPerSec())))
                    .append(num(String.format(Locale.ROOT, "%,.0f", load.achievedPerSec())))
                    .append(num(String.format(Locale.ROOT, "%,d", corrected.count())))
                    .append(num(SummaryTable.beside(corrected.p50(), raw.p50())))
                    .append(num(SummaryTable.beside(corrected.p99(), raw.p99())))
                    .append(num(SummaryTable.beside(corrected.p999(), raw.p999())))
                    .append(num(SummaryTable.beside(corrected.max(), raw.max())))
                    .append("<td>").append(escape(miss == null ? problems
                            : "–".equals(problems) ? miss : miss + "; " + problems)).append("</td><td>");
            if (cell.histogramLog() != null) {
                html.append(Html.link(pageFolder, run.folder().resolve(cell.histogramLog()), ".hlog"));
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        List<SustainableRate.OverRepetitions> sweeps = SustainableRate.overRepetitions(
                run.run().sustainableRates() == null ? List.of() : run.run().sustainableRates());
        if (!sweeps.isEmpty()) {
            html.append(sustainable(sweeps));
        }
        return html.toString();
    }

    private static String sustainable(List<SustainableRate.OverRepetitions> sweeps) {
        StringBuilder html = new StringBuilder("<h3>Sustainable rate at p99 ≤ ")
                .append(escape(SummaryTable.budget(sweeps.get(0).budgetNs())))
                .append("</h3>\n<p>Each sweep's highest offered rate whose p99, from the intended send, stayed within "
                        + "the budget and that was achieved: the median over repetitions, with the lowest and the "
                        + "highest.</p>\n<table class=\"cells\"><thead><tr><th>sweep</th><th>placement</th><th>reps</th>"
                        + "<th>round trips/s</th><th>lowest</th><th>highest</th><th>first rate beyond it</th></tr>"
                        + "</thead><tbody>");
        for (SustainableRate.OverRepetitions sweep : sweeps) {
            RepetitionSummary.Figure perSec = sweep.perSec();
            html.append("<tr><td>").append(ReportTables.swatch(sweep.transport()))
                    .append(escape(sweep.sweep())).append("</td><td>").append(escape(sweep.placement())).append("</td>")
                    .append(num(Integer.toString(sweep.repetitions())))
                    .append(num(perSec == null ? "none within the budget" : rate(perSec.median())
                            + (sweep.withoutOne() > 0 ? " (none in " + sweep.withoutOne() + ")" : "")))
                    .append(num(perSec == null ? "–" : rate(perSec.min())))
                    .append(num(perSec == null ? "–" : rate(perSec.max())))
                    .append("<td>").append(escape(sweep.firstBeyond() == null ? "none: every rate held"
                            : sweep.firstBeyond())).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String rate(double perSec) {
        return String.format(Locale.ROOT, "%,.0f", perSec);
    }

}
