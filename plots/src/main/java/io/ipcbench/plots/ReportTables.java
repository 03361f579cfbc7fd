package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.ipcbench.results.CellResult;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.EngineOverhead;
import io.ipcbench.results.Environment;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.RepetitionSummary;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.SummaryTable;
import io.ipcbench.results.Throughput;

import static io.ipcbench.plots.Html.escape;

/** The report's tables: the summary of every cell, throughput figures, and the environment. */
final class ReportTables {
    private ReportTables() {
    }

    /**
     * One row per latency cell, with the transport's chart colour beside its name. Throughput, rate
     * and connect cells have their own tables; a throughput cell that failed before it had figures
     * shows here. A cell's repetitions sit together under a line with their modes, each numbered by when
     * it ran (#, the x of the canary chart).
     */
    static String summary(RunData run, Path pageFolder) {
        List<CellData> cells = grouped(run.cells().stream()
                .filter(c -> c.latencyMode() || (c.throughput() == null && !c.rateMode() && !c.connectMode())).toList());
        boolean engines = run.cells().stream().map(CellData::engine).distinct().count() > 1;
        boolean repetitions = repeated(run);
        List<String> headings = new ArrayList<>(List.of("#", "transport"));
        if (engines) {
            headings.add("engine");
        }
        headings.addAll(List.of("mode", "size", "conn"));
        if (repetitions) {
            headings.add("rep");
        }
        headings.addAll(List.of("placement", "count", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "p99.99 µs", "max µs",
                "warm-up", "problems", "log"));
        StringBuilder html = new StringBuilder(head(headings));
        int columns = headings.size();
        for (int i = 0; i < cells.size(); i++) {
            CellData data = cells.get(i);
            CellResult cell = data.cell();
            if (repetitions) {
                html.append(modesRow(run, cells, i, columns));
            }
            html.append(cell.ok() ? "<tr>" : "<tr class=\"failed\">");
            html.append(num(Integer.toString(run.number(data))));
            html.append("<td>").append(swatch(data.transport())).append(escape(data.transport())).append("</td>");
            if (engines) {
                html.append("<td>").append(escape(data.engine())).append("</td>");
            }
            html.append("<td>").append(escape(data.mode())).append("</td><td class=\"num\">")
                    .append(escape(SummaryTable.size(cell.size()))).append("</td><td class=\"num\">")
                    .append(cell.connections()).append("</td>");
            if (repetitions) {
                html.append("<td class=\"num\">").append(cell.repetition() + 1).append("</td>");
            }
            html.append("<td>").append(escape(Overlay.placement(cell.placement()))).append("</td>");
            LatencySummary l = cell.latencyNs() != null ? cell.latencyNs() : LatencySummary.EMPTY;
            html.append(num(Long.toString(l.count())));
            for (long value : new long[] {l.p50(), l.p90(), l.p99(), l.p999(), l.p9999(), l.max()}) {
                html.append(num(l.count() > 0 ? micros(value) : "–"));
            }
            html.append(num(cell.warmup() == null ? "–" : String.format(Locale.ROOT, "%,d in %.2f s",
                    cell.warmup().count(), cell.warmup().seconds())));
            html.append("<td>").append(escape(problems(cell))).append("</td><td>");
            if (cell.histogramLog() != null) {
                html.append(Html.link(pageFolder, run.folder().resolve(cell.histogramLog()), ".hlog"));
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** Throughput figures of the throughput-mode cells, or an empty string when there are none. */
    static String throughput(RunData run) {
        List<CellData> cells = grouped(run.cells().stream().filter(c -> c.throughput() != null).toList());
        if (cells.isEmpty()) {
            return "";
        }
        boolean repetitions = repeated(run);
        List<String> headings = new ArrayList<>(List.of("#", "transport", "engine", "size", "conn"));
        if (repetitions) {
            headings.add("rep");
        }
        headings.addAll(List.of("MB/s", "messages/s", "messages", "seconds", "problems"));
        StringBuilder html = new StringBuilder(head(headings));
        int columns = headings.size();
        for (int i = 0; i < cells.size(); i++) {
            CellData data = cells.get(i);
            Throughput t = data.throughput();
            if (repetitions) {
                html.append(modesRow(run, cells, i, columns));
            }
            html.append(data.ok() ? "<tr>" : "<tr class=\"failed\">").append(num(Integer.toString(run.number(data))))
                    .append("<td>").append(swatch(data.transport())).append(escape(data.transport())).append("</td>")
                    .append("<td>").append(escape(data.engine())).append("</td>")
                    .append(num(SummaryTable.size(data.size()))).append(num(Integer.toString(data.connections())))
                    .append(repetitions ? num(Integer.toString(data.cell().repetition() + 1)) : "")
                    .append(num(String.format(Locale.ROOT, "%,.1f", t.bytesPerSec() / 1e6)))
                    .append(num(String.format(Locale.ROOT, "%,.0f", t.messagesPerSec())))
                    .append(num(String.format(Locale.ROOT, "%,d", t.messages())))
                    .append(num(String.format(Locale.ROOT, "%.2f", t.seconds())))
                    .append("<td>").append(escape(problems(data.cell()))).append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** A cell table's start, up to its first row. */
    private static String head(List<String> headings) {
        StringBuilder html = new StringBuilder("<table class=\"cells\"><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        return html.append("</tr></thead><tbody>").toString();
    }

    /** Whether any cell of the run was repeated. */
    private static boolean repeated(RunData run) {
        return run.cells().stream().anyMatch(c -> c.cell().repetition() > 0);
    }

    /** Transport, engine, size, connections, mode: a cell's repetitions next to each other, in the order they ran. */
    private static final Comparator<CellData> CELL_ORDER = Comparator
            .comparing(CellData::transport, Overlay.TRANSPORT_ORDER)
            .thenComparing(CellData::engine, Overlay.ENGINE_ORDER)
            .thenComparingInt(CellData::size)
            .thenComparingInt(CellData::connections)
            .thenComparing(CellData::mode)
            .thenComparing(c -> String.valueOf(c.cell().placement()));

    /** The cells with each cell's repetitions together (a stable sort: within a cell, the order they ran). */
    static List<CellData> grouped(List<CellData> cells) {
        return cells.stream().sorted(CELL_ORDER).toList();
    }

    /**
     * Before the first of a cell's repetitions, a line across the table with their modes in words;
     * nothing before the others, or before a cell that ran once.
     */
    private static String modesRow(RunData run, List<CellData> rows, int i, int columns) {
        CellData data = rows.get(i);
        if (i > 0 && CELL_ORDER.compare(rows.get(i - 1), data) == 0) {
            return "";
        }
        RepetitionSummary summary = run.repetitions(data.cell());
        if (summary == null) {
            return "";
        }
        return "<tr class=\"modes\"><td colspan=\"" + columns + "\">" + escape(data.transport() + " "
                + SummaryTable.size(data.size()) + ", " + data.connections() + "c, " + summary.repetitions()
                + " repetitions: " + modes(summary)) + "</td></tr>\n";
    }

    /** "p50 bimodal: 2 of 3 repetitions near 24.07 µs, 1 near 30.37 µs", "one mode", or "–" when it ran once. */
    static String modes(RepetitionSummary summary) {
        if (summary == null) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        String[] names = {"p50", "p99", "MB/s"};
        RepetitionSummary.Figure[] figures = {summary.p50Ns(), summary.p99Ns(), summary.bytesPerSec()};
        for (int f = 0; f < figures.length; f++) {
            if (figures[f] != null && figures[f].modes() != null) {
                parts.add(names[f] + " " + figures[f].modes());
            }
        }
        if (!parts.isEmpty()) {
            return String.join("; ", parts);
        }
        // The run tells modes apart from 3 repetitions on; 2 can only differ.
        return summary.repetitions() >= 3 ? "one mode" : "too few to tell modes apart";
    }

    /**
     * The JVM's cost over the system calls, per cell measured on both engines in this run, or an
     * empty string when the run measured one engine.
     */
    static String overhead(RunData run) {
        List<EngineOverhead> rows = EngineOverhead.of(run.cells().stream().map(CellData::cell).toList());
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<table class=\"cells\"><thead><tr><th>transport</th><th>size</th>"
                + "<th>conn</th><th>raw p50 µs</th><th>jdk p50 µs</th><th>Δ p50 µs</th><th>raw p99 µs</th>"
                + "<th>jdk p99 µs</th><th>Δ p99 µs</th></tr></thead><tbody>");
        for (EngineOverhead row : rows) {
            html.append("<tr><td>").append(swatch(row.transport())).append(escape(row.transport())).append("</td>")
                    .append(num(SummaryTable.size(row.size()))).append(num(Integer.toString(row.connections())))
                    .append(num(micros(row.rawP50Ns()))).append(num(micros(row.jdkP50Ns())))
                    .append(num(String.format(Locale.ROOT, "%+.2f", row.p50OverheadNs() / 1e3)))
                    .append(num(micros(row.rawP99Ns()))).append(num(micros(row.jdkP99Ns())))
                    .append(num(String.format(Locale.ROOT, "%+.2f", row.p99OverheadNs() / 1e3)))
                    .append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** The environment and settings of every run, one column per run. */
    static String environment(List<RunData> runs) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (RunData run : runs) {
            RunResult r = run.run();
            Environment e = run.environment();
            row(rows, "run", run.label());
            row(rows, "started", r.startedAt());
            row(rows, "finished", r.finishedAt() != null ? r.finishedAt() : "not finished (interrupted)");
            row(rows, "host", e.hostname());
            row(rows, "kernel", e.kernel());
            row(rows, "CPU", e.cpuModel() + (e.logicalCpus() > 0 ? ", " + e.logicalCpus() + " logical CPUs" : ""));
            row(rows, "clock source", e.clockSource());
            row(rows, "CPU governor", e.cpuGovernor());
            row(rows, "JVM", join(e.jvmVendor(), e.jvmVersion()));
            row(rows, "JVM flags", e.jvmFlags() == null || e.jvmFlags().isEmpty() ? "none" : String.join(" ", e.jvmFlags()));
            row(rows, "ipcbench", join(e.ipcbenchVersion(), e.gitCommit() != null ? "commit " + e.gitCommit() : null));
            row(rows, "MTU of lo", e.loopbackMtu() > 0 ? e.loopbackMtu() + " B" : null);
            row(rows, "sysctls", e.sysctls() == null ? null : sysctls(e.sysctls()));
            row(rows, "calibration", r.calibration() == null ? null : String.format(Locale.ROOT,
                    "nanoTime %.1f ns per call, steps of %d ns; recording %.1f ns",
                    r.calibration().nanoTimeCostNs(), r.calibration().nanoTimeGranularityNs(),
                    r.calibration().histogramRecordCostNs()));
            row(rows, "settings", r.config() == null ? null : r.config().toString().stripIndent().strip());
        }
        StringBuilder html = new StringBuilder("<table class=\"env\"><tbody>");
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            html.append("<tr><th>").append(escape(row.getKey())).append("</th>");
            for (String value : row.getValue()) {
                boolean block = value.contains("\n");
                html.append(block ? "<td><pre>" : "<td>").append(escape(value)).append(block ? "</pre></td>" : "</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static void row(Map<String, List<String>> rows, String name, String value) {
        rows.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null || value.isBlank() ? "–" : value);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private static String sysctls(Map<String, Integer> sysctls) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> entry : new TreeMap<>(sysctls).entrySet()) {
            text.append(entry.getKey()).append(" = ").append(entry.getValue() < 0 ? "unreadable" : entry.getValue())
                    .append('\n');
        }
        return text.toString().strip();
    }

    static String swatch(String transport) {
        return "<span class=\"swatch\" style=\"background:" + TransportStyle.of(transport).css() + "\"></span>";
    }

    /** A table cell holding a figure, right-aligned. */
    static String num(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }

    /**
     * A rate or connect cell's row up to its figures: when it ran (#), the transport in its chart
     * colour, the engine, size, connections and repetition.
     */
    static String identity(RunData run, CellData data) {
        CellResult cell = data.cell();
        return num(Integer.toString(run.number(data))) + "<td>" + swatch(data.transport()) + escape(data.transport())
                + "</td><td>" + escape(data.engine()) + "</td>" + num(SummaryTable.size(cell.size()))
                + num(Integer.toString(cell.connections())) + num(Integer.toString(cell.repetition() + 1));
    }

    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%,.2f", nanos / 1000.0);
    }

    /** What went wrong in a cell, in a few words, or "–". */
    static String problems(CellResult cell) {
        List<String> parts = new ArrayList<>();
        if (cell.errors() != null && cell.errors().total() > 0) {
            parts.add(cell.errors().total() + " bad replies");
        }
        DatagramCounts d = cell.datagrams();
        if (d != null && d.describe() != null) {
            parts.add(d.describe());
        }
        if (!cell.ok()) {
            parts.add("FAILED: " + cell.error());
        }
        return parts.isEmpty() ? "–" : String.join("; ", parts);
    }
}
