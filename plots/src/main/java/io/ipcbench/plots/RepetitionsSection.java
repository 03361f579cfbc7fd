package io.ipcbench.plots;

import java.util.ArrayList;
import java.util.List;

import io.ipcbench.stats.Modes;

import static io.ipcbench.plots.Html.escape;

/**
 * The report's repetitions: the strip plots, each with the modes of its repetitions in words. A
 * repetition is a fresh peer process, and on a small VM each lands in one of a few wake-up modes;
 * a median over them would describe none, so every repetition is shown.
 */
final class RepetitionsSection {
    /** The section's part of the page's style sheet. */
    static final String STYLE = """
            svg.strip{display:block;max-width:100%;height:auto}
            svg.strip text{font-size:12px;fill:#222} svg.strip .tick,svg.strip .axis,svg.strip .metric{fill:#555}
            svg.strip .title{font-weight:bold;font-size:13px} svg.strip .metric{font-size:11px}
            svg.strip .grid{stroke:#e4e4e4} svg.strip .band{fill:#f6f7f8} svg.strip .frame{fill:none;stroke:#999}
            svg.strip .filled *{fill:currentColor;stroke:currentColor}
            svg.strip .hollow *{fill:#fff;stroke:currentColor;stroke-width:1.6}
            svg.strip .filled title,svg.strip .hollow title{fill:none;stroke:none}
            ul.modes{margin:4px 0 0;padding-left:18px;font-size:13px} .grid figure.wide{grid-column:1/-1}
            """;

    private RepetitionsSection() {
    }

    /** The section, or an empty string when no strip plot was drawn. */
    static String html(List<StripPlot> plots) {
        if (plots.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"repetitions\">Repetitions</h2>\n<p>Every repetition of every "
                + "cell as a point of its own: each is a fresh peer process, and on a small machine a fresh process "
                + "lands in one of a few wake-up modes and stays there. Clusters apart from each other are such modes; "
                + "the summary's figures would average them away. Filled: p50; hollow: p99; point at a mark for its "
                + "repetition (numbered as in the summary table above). The modes are the run's own: groups of "
                + "repetitions whose values step apart by more than " + Math.round(Modes.GAP * 100) + "%.</p>\n"
                + "<div class=\"grid\">\n");
        for (StripPlot plot : plots) {
            // A plot wider than half the page takes the whole row of the grid.
            html.append("<figure id=\"").append(escape(plot.id())).append('"')
                    .append(StripPlotSvg.width(plot) > StripPlotSvg.WIDTH ? " class=\"wide\"" : "").append('>')
                    .append(StripPlotSvg.svg(plot))
                    .append("<figcaption>").append(modes(plot)).append("</figcaption></figure>\n");
        }
        return html.append("</div>\n").toString();
    }

    /** The modes of the plot's strips in the run's own words, or that there are none. */
    static String modes(StripPlot plot) {
        List<String> lines = new ArrayList<>();
        for (StripPlot.Column column : plot.columns()) {
            for (StripPlot.Strip strip : column.strips()) {
                if (strip.modes() != null) {
                    lines.add("<li><b>" + escape(column.name()) + "</b> " + escape(strip.metric()) + ": "
                            + escape(strip.modes()) + "</li>");
                }
            }
        }
        if (lines.isEmpty()) {
            return "No transport's repetitions fall into separate modes here.";
        }
        return "Modes: <ul class=\"modes\">" + String.join("", lines) + "</ul>";
    }
}
