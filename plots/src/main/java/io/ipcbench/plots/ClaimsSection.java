package io.ipcbench.plots;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;

import static io.ipcbench.plots.Html.escape;

/**
 * The report's claims: first one line per claim (its verdict, the comparison that decides it, its
 * repetitions), each opening on the sentences behind it; then the forest plot of every comparison.
 * A reader sees the verdicts at a glance and reads the evidence only where it matters to them.
 */
final class ClaimsSection {
    /** The section's part of the page's style sheet. */
    static final String STYLE = """
            details.claim{border-bottom:1px solid #e8e8e8}
            details.claim>summary{display:grid;grid-template-columns:14px 124px minmax(0,1fr) 500px 104px;gap:10px;
              align-items:baseline;padding:5px 4px;cursor:pointer;list-style:none}
            details.claim>summary::-webkit-details-marker{display:none}
            details.claim>summary::before{content:"\\25B8";color:#888} details.claim[open]>summary::before{content:"\\25BE"}
            details.claim>summary:hover{background:#f6f7f8}
            .claimtext,.why{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:#444}
            .claimtext code{color:#222;margin-right:8px}
            .deciding{font-size:13px;font-variant-numeric:tabular-nums} .reps{font-size:13px;color:#555}
            p.rule{font-size:13px;color:#555;margin:6px 0 0}
            .evidence{padding:2px 12px 12px 146px;font-size:14px} .evidence ul{margin:4px 0 8px}
            .evidence p{margin:4px 0} .evidence .scope{color:#555;font-size:13px}
            svg.forest{display:block;max-width:100%;height:auto;margin:16px 0 4px}
            svg.forest text{font-size:12px;fill:#222} svg.forest .tick,svg.forest .axis{fill:#555}
            svg.forest .holds{color:#009E73} svg.forest .fails{color:#D55E00} svg.forest .inconclusive{color:#7a7a7a}
            svg.forest .ci{stroke:currentColor;stroke-width:2.5} svg.forest .est,svg.forest .cut{fill:currentColor}
            svg.forest .est{stroke:currentColor;stroke-width:1.5} svg.forest .supporting .est{fill:#fff}
            svg.forest .supporting .ci{stroke-dasharray:5 3} svg.forest .value{fill:currentColor}
            svg.forest .one{stroke:#333;stroke-width:1.3} svg.forest .grid{stroke:#e4e4e4} svg.forest .band{fill:#f4f6f8}
            svg.forest .row:hover .label{font-weight:bold}
            """;

    private ClaimsSection() {
    }

    /**
     * The section, or an empty string when no run has been judged.
     *
     * @param forests the forest plot of each run that has one to draw (see {@link ChartSet#forests()})
     */
    static String html(List<RunData> runs, List<ForestPlot> forests) {
        StringBuilder html = new StringBuilder();
        for (RunData run : runs) {
            List<ClaimVerdict> claims = run.run().claims() == null ? List.of() : run.run().claims();
            if (claims.isEmpty()) {
                continue;
            }
            boolean first = html.length() == 0;
            if (first) {
                html.append("<h2 id=\"claims\">Claims</h2>\n<p>Each claim judged from this run's data: holds, does not "
                        + "hold, inconclusive (the difference is inside the noise), or not measured. Each line gives "
                        + "the ratio that decides it and the repetitions (fresh peer processes) it rests on; open a "
                        + "line for the evidence.</p>\n");
            }
            if (runs.size() > 1) {
                html.append("<h3>").append(escape(run.label())).append("</h3>\n");
            }
            ForestPlot forest = forests.stream().filter(f -> f.run().equals(run.label())).findFirst().orElse(null);
            for (ClaimVerdict claim : claims) {
                html.append(claim(claim, forest));
            }
            if (first) {
                html.append("<p class=\"rule\">").append(escape(DecidingComparison.RULE)).append("</p>\n");
            }
            if (forest != null) {
                html.append(forestFigure(forest));
            }
        }
        return html.toString();
    }

    /** One claim: its line, and the sentences behind it folded under it; {@code forest} may be null. */
    static String claim(ClaimVerdict claim, ForestPlot forest) {
        String verdict = claim.verdict() == null ? "" : claim.verdict();
        StringBuilder html = new StringBuilder("<details class=\"claim\" id=\"claim-").append(escape(claim.id()))
                .append("\"><summary><span><span class=\"verdict ").append(verdictClass(verdict)).append("\">")
                .append(escape(verdict.isEmpty() ? "–" : verdict)).append("</span></span>")
                .append("<span class=\"claimtext\" title=\"").append(escape(claim.claim())).append("\"><code>")
                .append(escape(claim.id())).append("</code>").append(escape(claim.claim())).append("</span>")
                .append(deciding(claim, forest))
                .append("<span class=\"reps\">").append(escape(basis(claim))).append("</span></summary>\n");
        html.append("<div class=\"evidence\"><p>").append(escape(claim.claim())).append("</p>");
        if (claim.summary() != null) {
            html.append("<p><b>").append(escape(claim.summary())).append("</b></p>");
        }
        if (!claim.figures().isEmpty()) {
            html.append("<ul>");
            for (String figure : claim.figures()) {
                html.append("<li>").append(escape(figure)).append("</li>");
            }
            html.append("</ul>");
        }
        if (claim.correction() != null) {
            html.append("<p>").append(escape("Corrected for many comparisons: " + claim.correction() + ".")).append("</p>");
        }
        html.append("<p class=\"scope\">").append(escape(String.format(Locale.ROOT, "Scope: %s. Rests on %,d samples, "
                + "%d repetitions.", claim.scope() == null ? "–" : claim.scope(), claim.samples(), claim.repetitions())))
                .append("</p></div></details>\n");
        return html.toString();
    }

    /**
     * The deciding comparison and its figure; for a verdict that rests on no ratio (counts, probes,
     * or nothing measured), its one-sentence summary, cut to the line, in full when pointed at.
     */
    private static String deciding(ClaimVerdict claim, ForestPlot forest) {
        Optional<ClaimComparison> deciding = DecidingComparison.of(claim);
        if (deciding.isEmpty()) {
            String why = claim.summary() == null ? "–" : claim.summary();
            return "<span class=\"why\" title=\"" + escape(why) + "\">" + escape(why) + "</span>";
        }
        ClaimComparison c = deciding.get();
        ForestPlot.Row row = forest == null ? null : forest.row(c);
        String what = row != null ? row.what() : ForestPlot.describe(c, false);
        return "<span class=\"deciding\">" + escape(what) + ": <b>" + escape(ForestPlotSvg.figure(c)) + "</b></span>";
    }

    /** "3 repetitions", or the samples of a verdict that rests on counts. */
    private static String basis(ClaimVerdict claim) {
        if (claim.repetitions() > 0) {
            return claim.repetitions() + (claim.repetitions() == 1 ? " repetition" : " repetitions");
        }
        return claim.samples() > 0 ? String.format(Locale.ROOT, "%,d samples", claim.samples()) : "–";
    }

    private static String forestFigure(ForestPlot forest) {
        StringBuilder html = new StringBuilder("<figure id=\"forest\">").append(ForestPlotSvg.svg(forest))
                .append("<figcaption>Every comparison behind the claims: the ratio of the transport to its reference "
                        + "(dot) and its interval (bar), on a log scale, against 1. A latency ratio below 1 or a rate "
                        + "ratio above 1 favours the transport. Coloured by each comparison's own verdict; point at a "
                        + "row for its repetitions and modes.");
        for (var correction : forest.corrections().entrySet()) {
            html.append(' ').append(escape(correction.getKey() + ": " + correction.getValue() + "."));
        }
        return html.append("</figcaption></figure>\n").toString();
    }

    /** A CSS class by what the verdict says: holds, fails (does not hold), inconclusive, or unmeasured. */
    static String verdictClass(String verdict) {
        String v = verdict == null ? "" : verdict.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
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
}
