package io.ipcbench.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.ipcbench.plots.ChartRenderer.Rendered;
import io.ipcbench.results.BoxWarnings;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunFolder;

import static io.ipcbench.plots.Html.escape;

/**
 * {@code report.html}: one page that needs no network. Environment, warnings, claims verdicts
 * (when the run has them), the summary table, the repetitions side by side, the charts (embedded as
 * PNG, with links to the PNG and SVG files beside the page) and links to the raw files.
 */
public final class ReportPage {
    public static final String FILE_NAME = "report.html";

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 24px 48px;
              color:#222;line-height:1.45}
            h1{margin:24px 0 4px;font-size:26px} h2{margin-top:40px;border-bottom:2px solid #ddd;padding-bottom:4px}
            h3{margin-top:28px} .sub{color:#555;margin:0 0 12px} nav a{margin-right:14px}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
            th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
            thead th{background:#f1f3f5} tbody tr:nth-child(even){background:#fafafa}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.failed td{background:#fdecea} table.env th{background:#f1f3f5;white-space:nowrap}
            tr.modes td{font-size:12px;color:#444;background:#eef1f4;padding:2px 7px}
            pre{margin:0;font-size:12px;white-space:pre-wrap}
            .swatch{display:inline-block;width:10px;height:10px;margin-right:6px;border-radius:2px}
            .warn{background:#fff4e5;border-left:4px solid #f0a030;padding:8px 12px;margin:12px 0}
            .warn li{margin:2px 0} figure{margin:16px 0 28px} figure img{max-width:100%;border:1px solid #eee}
            figcaption{color:#444;font-size:14px} figcaption a{font-size:13px}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px} .grid figure{margin:4px 0 16px}
            .verdict{padding:1px 8px;border-radius:10px;font-weight:bold;white-space:nowrap}
            .holds{background:#dff3e4;color:#1e6b34} .fails{background:#fbe0de;color:#9b1c13}
            .inconclusive{background:#eceff2;color:#444} .unmeasured{background:#f6f6f6;color:#888;font-weight:normal}
            ul.files{columns:2;font-size:13px}
            """;

    private ReportPage() {
    }

    /** Writes the page into a folder (atomically) and returns its path. */
    public static Path write(List<RunData> runs, ChartSet charts, List<Rendered> rendered, Path folder,
                             String generatedAt) throws IOException {
        Path page = folder.resolve(FILE_NAME);
        RunFolder.writeAtomically(page, render(runs, charts, rendered, folder, generatedAt)
                .getBytes(StandardCharsets.UTF_8));
        return page;
    }

    /** The page as a string; {@code rendered} holds the chart files to embed (possibly none). */
    public static String render(List<RunData> runs, ChartSet charts, List<Rendered> rendered, Path folder,
                                String generatedAt) {
        Overlay overlay = new Overlay(runs);
        String labels = String.join(" vs ", runs.stream().map(RunData::label).toList());
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>ipcbench report: ").append(escape(labels)).append("</title><style>")
                .append(STYLE).append(ClaimsSection.STYLE).append(RepetitionsSection.STYLE)
                .append("</style></head><body>\n");
        html.append("<h1>ipcbench: how processes talk on ").append(escape(hosts(runs))).append("</h1>\n")
                .append("<p class=\"sub\">").append(escape(runs.size() == 1 ? "run " + labels : runs.size()
                        + " runs overlaid: " + labels)).append(" · ")
                .append(escape(overlay.box(overlay.okCells()))).append(" · report written ")
                .append(escape(generatedAt)).append("</p>\n");
        String claims = ClaimsSection.html(runs, charts.forests());
        String repetitions = RepetitionsSection.html(charts.strips());
        html.append(nav(!claims.isEmpty(), !repetitions.isEmpty()));
        html.append(warnings(runs));
        html.append(claims);
        html.append("<h2 id=\"summary\">Summary</h2>\n<p>Round-trip latency per cell in microseconds, from the "
                + "histogram of every measured round trip (warm-up excluded). Failed cells are shaded.</p>\n");
        for (RunData run : runs) {
            if (runs.size() > 1) {
                html.append("<h3>").append(escape(run.label())).append("</h3>\n");
            }
            html.append(ReportTables.summary(run, folder));
            String overhead = ReportTables.overhead(run);
            if (!overhead.isEmpty()) {
                html.append("<h3>What the JVM adds</h3>\n<p>The jdk engine (NIO channels, junixsocket) against the raw "
                        + "engine (libc calls), cell by cell, measured in this run at the same placement.</p>\n")
                        .append(overhead);
            }
            String throughput = ReportTables.throughput(run);
            if (!throughput.isEmpty()) {
                html.append("<h3>Throughput</h3>\n").append(throughput);
            }
            html.append(RateSection.render(run, folder));
            html.append(ConnectSection.render(run, folder));
            html.append(CpuCostSection.render(run));
            html.append(JmhSection.html(run));
        }
        html.append(repetitions);
        html.append(charts(charts, rendered, folder));
        html.append("<h2 id=\"environment\">Environment</h2>\n").append(ReportTables.environment(runs));
        html.append(BoxSection.render(runs));
        html.append(files(runs, folder));
        return html.append("</body></html>\n").toString();
    }

    /** Links to the page's sections in their order; the claims and the repetitions only when the page has them. */
    static String nav(boolean claims, boolean repetitions) {
        StringBuilder html = new StringBuilder("<nav>");
        if (claims) {
            html.append("<a href=\"#claims\">Claims</a>");
        }
        html.append("<a href=\"#summary\">Summary</a>");
        if (repetitions) {
            html.append("<a href=\"#repetitions\">Repetitions</a>");
        }
        return html.append("<a href=\"#charts\">Charts</a><a href=\"#environment\">Environment</a>")
                .append("<a href=\"#files\">Raw files</a></nav>\n").toString();
    }

    private static String hosts(List<RunData> runs) {
        Set<String> hosts = new LinkedHashSet<>();
        for (RunData run : runs) {
            hosts.add(run.environment().hostname() != null ? run.environment().hostname() : "an unknown host");
        }
        return String.join(" and ", hosts);
    }

    /** What a reader must know before trusting the figures. */
    static String warnings(List<RunData> runs) {
        List<String> items = new ArrayList<>();
        for (RunData run : runs) {
            String prefix = runs.size() > 1 ? run.label() + ": " : "";
            if (run.run().finishedAt() == null) {
                items.add(prefix + "the run did not finish; it holds the cells it completed.");
            }
            List<CellResult> failed = run.cells().stream().map(CellData::cell).filter(c -> !c.ok()).toList();
            for (CellResult cell : failed) {
                items.add(prefix + "cell " + cell.key() + " failed: " + cell.error());
            }
            long unpinned = run.cells().stream()
                    .filter(c -> c.cell().placement() == null || !c.cell().placement().pinned()).count();
            if (unpinned > 0) {
                items.add(prefix + unpinned + " cell(s) ran unpinned: on a small machine such figures land in "
                        + "one of two modes (same CPU or not) from run to run. Compare only at the same placement.");
            }
            for (String note : run.notes()) {
                items.add(prefix + note);
            }
            BoxWarnings.of(run.run()).forEach(warning -> items.add(prefix + warning + "."));
        }
        Set<String> machines = new LinkedHashSet<>();
        runs.forEach(r -> machines.add(Overlay.machine(r.environment())));
        if (machines.size() > 1) {
            items.add("the runs come from different machines or kernels (" + String.join("; ", machines)
                    + "): differences may be the box, not the change.");
        }
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"warn\"><b>Read with care</b><ul>");
        for (String item : items) {
            html.append("<li>").append(escape(item)).append("</li>");
        }
        return html.append("</ul></div>\n").toString();
    }

    private static String charts(ChartSet charts, List<Rendered> rendered, Path folder) {
        StringBuilder html = new StringBuilder("<h2 id=\"charts\">Charts</h2>\n<p>Each transport keeps its colour "
                + "and marker in every chart. Click a link for the full-size PNG or the SVG.</p>\n");
        for (ChartSpec.Kind kind : ChartSpec.Kind.values()) {
            List<Rendered> ofKind = rendered.stream().filter(r -> r.spec().kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(escape(kind.heading())).append("</h3>\n");
            boolean grid = kind == ChartSpec.Kind.TIMELINE && ofKind.size() > 1;
            if (grid) {
                html.append("<p>").append(escape(ofKind.get(0).spec().caption())).append("</p><div class=\"grid\">\n");
            }
            for (Rendered chart : ofKind) {
                html.append(figure(chart, folder, !grid));
            }
            if (grid) {
                html.append("</div>\n");
            }
        }
        if (!charts.omitted().isEmpty()) {
            html.append("<h3>Not drawn</h3>\n<ul>");
            for (ChartSet.Omitted omitted : charts.omitted()) {
                html.append("<li><b>").append(escape(omitted.kind().heading())).append(":</b> ")
                        .append(escape(omitted.reason())).append("</li>");
            }
            html.append("</ul>\n");
        }
        return html.toString();
    }

    private static String figure(Rendered chart, Path folder, boolean withCaption) {
        String png;
        try {
            png = Base64.getEncoder().encodeToString(Files.readAllBytes(chart.png()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder html = new StringBuilder("<figure id=\"").append(escape(chart.spec().id())).append("\">")
                .append("<img alt=\"").append(escape(chart.spec().title())).append("\" src=\"data:image/png;base64,")
                .append(png).append("\"><figcaption>");
        if (withCaption) {
            html.append(escape(chart.spec().caption())).append(' ');
        }
        html.append(Html.link(folder, chart.png(), "PNG"));
        if (chart.svg() != null) {
            html.append(" · ").append(Html.link(folder, chart.svg(), "SVG"));
        }
        html.append("</figcaption></figure>\n");
        return html.toString();
    }

    /** Every file of every run folder, linked: the data the page was drawn from. */
    private static String files(List<RunData> runs, Path folder) {
        StringBuilder html = new StringBuilder("<h2 id=\"files\">Raw files</h2>\n<p>run.json holds everything the "
                + "run found; each .hlog is a cell's HdrHistogram interval log (read it with "
                + "<code>HistogramLogReader</code> or <code>HistogramLogProcessor</code>).</p>\n");
        for (RunData run : runs) {
            if (runs.size() > 1) {
                html.append("<h3>").append(escape(run.label())).append("</h3>\n");
            }
            html.append("<ul class=\"files\">");
            try (Stream<Path> listing = Files.list(run.folder())) {
                for (Path file : listing.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> !f.getFileName().toString().equals(FILE_NAME)).sorted().toList()) {
                    html.append("<li>").append(Html.link(folder, file, file.getFileName().toString())).append("</li>");
                }
            } catch (IOException e) {
                html.append("<li>").append(escape("cannot list " + run.folder() + ": " + e.getMessage())).append("</li>");
            }
            html.append("</ul>\n");
        }
        return html.toString();
    }
}
