package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipcbench.plots.ChartSpec.Kind;
import io.ipcbench.plots.TestRuns.Cell;
import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.ipcbench.plots.TestRuns.claim;
import static io.ipcbench.plots.TestRuns.comparison;
import static io.ipcbench.results.ClaimVerdict.DOES_NOT_HOLD;
import static io.ipcbench.results.ClaimVerdict.HOLDS;
import static io.ipcbench.results.ClaimVerdict.INCONCLUSIVE;
import static io.ipcbench.results.ClaimVerdict.NOT_MEASURED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims section: a line per claim, the deciding comparison, the forest plot's rows. */
@Timeout(30)
class ClaimsSectionTest {
    private static final ClaimComparison UDS_P50 = comparison("p50", "unix-stream", 0.62, 0.58, 0.66, HOLDS, true);
    private static final ClaimComparison UDS_P99 = comparison("p99", "unix-stream", 0.80, 0.70, 0.95, HOLDS, true);
    private static final ClaimComparison UDP_P50 = comparison("p50", "udp", 1.10, 0.90, 1.30, INCONCLUSIVE, true);
    private static final ClaimComparison UDP_P99 = comparison("p99", "udp", 1.60, 1.20, 2.10, DOES_NOT_HOLD, true);
    private static final ClaimComparison SUPPORTING = comparison("p99", "pipe", 0.50, 0.40, 0.60, HOLDS, false);
    private static final List<ClaimVerdict> CLAIMS = List.of(
            claim("uds-latency", HOLDS, List.of(UDS_P50, UDS_P99), null),
            claim("udp-latency", INCONCLUSIVE, List.of(UDP_P50, UDP_P99, SUPPORTING),
                    "Bonferroni over 2 comparisons: each interval at 97.5%"),
            claim("udp-size", NOT_MEASURED, List.of(), null));

    private static RunData run(List<ClaimVerdict> claims) {
        return TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2)), claims);
    }

    private static String page(RunData run) {
        return ReportPage.render(List.of(run), Charts.build(List.of(run)), List.of(), Path.of("out"),
                "2023-11-14T22:15:00Z");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theForestHasOneRowPerComparisonWithItsIntervalAndTheColourOfItsVerdict() {
        ForestPlot forest = Charts.build(List.of(run(CLAIMS))).forests().get(0);

        assertEquals(5, forest.rows().size(), "every comparison, supporting ones too");
        ForestPlot.Row first = forest.rows().get(0);
        assertEquals("uds-latency: unix-stream / tcp p50 at 64 B, 1c", first.label());
        assertEquals(0.58, first.comparison().ciLow());
        assertEquals(0.66, first.comparison().ciHigh());
        assertEquals(List.of("holds", "holds", "inconclusive", "fails", "holds"),
                forest.rows().stream().map(ForestPlot.Row::verdictClass).toList());
        assertEquals(List.of("uds-latency", "udp-latency"), List.copyOf(
                forest.rows().stream().map(ForestPlot.Row::claimId).distinct().toList()));
        assertEquals("Bonferroni over 2 comparisons: each interval at 97.5%", forest.corrections().get("udp-latency"));
        double[] range = forest.range();
        assertEquals(0.40, range[0], 1e-9);
        assertEquals(2.10, range[1], 1e-9);
    }

    @Test
    void theForestIsDrawnAsOneRowElementPerComparisonAroundALineAtOne() {
        String svg = ForestPlotSvg.svg(ForestPlot.of("r", CLAIMS));

        assertEquals(5, count(svg, "<g class=\"row "));
        assertEquals(3, count(svg, "<g class=\"row holds"));
        assertEquals(1, count(svg, "<g class=\"row fails\""));
        assertEquals(1, count(svg, "<g class=\"row inconclusive\""));
        assertEquals(1, count(svg, "<g class=\"row holds supporting\""));
        assertEquals(1, count(svg, "<line class=\"one\""));
        assertTrue(svg.contains("0.62 [0.58–0.66] 95%"));
        assertTrue(svg.contains("tcp bimodal: 2 of 3 repetitions near 32.27 µs"), "a row's modes in its tooltip");
    }

    @Test
    void anIntervalBeyondTheAxisIsCutAndMarked() {
        ClaimComparison wide = comparison("p99", "unix-stream", 0.43, 0.0047, 38.8, INCONCLUSIVE, true);
        ForestPlot forest = ForestPlot.of("r", List.of(claim("uds-latency", INCONCLUSIVE, List.of(wide), null)));

        assertEquals(1 / ForestPlot.LIMIT, forest.range()[0], 1e-12);
        assertEquals(38.8, forest.range()[1], 1e-12);
        assertEquals(1, count(ForestPlotSvg.svg(forest), "class=\"cut\""));
    }

    @Test
    void theDecidingComparisonIsTheOneThatAgreesWithTheVerdictNearestOne() {
        // Both hold; 0.80 [0.70–0.95] ends nearer 1 than 0.62 [0.58–0.66].
        assertEquals(UDS_P99, DecidingComparison.of(CLAIMS.get(0)).orElseThrow());
        // Inconclusive: the inconclusive one, not the one that fails nor the supporting one.
        assertEquals(UDP_P50, DecidingComparison.of(CLAIMS.get(1)).orElseThrow());
        // A verdict overruled by a stated size: none agrees, so the deciding comparison nearest 1.
        ClaimComparison strong = comparison("round trips/s", "tcp", 3.0, 2.5, 3.5, HOLDS, true);
        ClaimComparison weak = comparison("round trips/s", "tcp", 1.5, 1.2, 1.9, HOLDS, true);
        assertEquals(weak, DecidingComparison.of(claim("tcp-many-connections", DOES_NOT_HOLD,
                List.of(strong, weak), null)).orElseThrow());
        assertTrue(DecidingComparison.of(CLAIMS.get(2)).isEmpty(), "a claim without comparisons has none");
    }

    @Test
    void theSectionOpensWithOneLinePerClaimEachFoldingItsSentences() {
        String html = page(run(CLAIMS));

        assertEquals(3, count(html, "<details class=\"claim\""));
        assertEquals(3, count(html, "<summary>"));
        String uds = html.substring(html.indexOf("id=\"claim-uds-latency\""), html.indexOf("</details>"));
        String line = uds.substring(0, uds.indexOf("</summary>"));
        assertTrue(line.contains("<span class=\"verdict holds\">holds</span>"), line);
        assertTrue(line.contains("unix-stream / tcp p99 at 64 B, 1c: <b>0.80 [0.70–0.95] 95%</b>"), line);
        assertTrue(line.contains("3 repetitions"), line);
        String folded = uds.substring(uds.indexOf("</summary>"));
        assertTrue(folded.contains("Why uds-latency holds."), "the summary sentence is folded under its line");
        assertTrue(folded.contains("<li>unix-stream / tcp p50 = 0.62</li>"), "and the figures");
        assertTrue(html.indexOf("<details class=\"claim\"") < html.indexOf("<svg class=\"forest\""),
                "the lines come before the forest plot");
        assertTrue(html.contains("udp-latency: Bonferroni over 2 comparisons: each interval at 97.5%."),
                "the correction is named under the forest plot");
        assertTrue(html.contains(DecidingComparison.RULE.substring(0, 40)), "the rule for the deciding ratio is said");
    }

    @Test
    void aClaimThatRestsOnNoComparisonSaysSoOnItsLine() {
        String html = page(run(CLAIMS));

        String line = html.substring(html.indexOf("id=\"claim-udp-size\""));
        line = line.substring(0, line.indexOf("</summary>"));
        assertTrue(line.contains("verdict unmeasured"), line);
        assertFalse(line.contains("<b>"), "no ratio on it");
        assertTrue(line.contains("<span class=\"why\" title=\"Why udp-size not measured.\">"), "but why");
    }

    @Test
    void withoutComparisonsTheForestIsListedAsNotDrawn() {
        ChartSet unjudged = Charts.build(List.of(run(List.of())));
        ChartSet counts = Charts.build(List.of(run(List.of(claim("udp-size", NOT_MEASURED, List.of(), null)))));

        assertTrue(unjudged.forests().isEmpty());
        assertTrue(unjudged.omitted().stream().anyMatch(o -> o.kind() == Kind.FOREST
                && o.reason().contains("ipcbench claims")));
        assertTrue(counts.omitted().stream().anyMatch(o -> o.kind() == Kind.FOREST
                && o.reason().contains("no claim rests on a comparison")));
        assertFalse(page(run(List.of())).contains("id=\"claims\""), "no claims, no section");
        assertNull(ForestPlot.of("r", List.of()).row(UDS_P50));
    }

    @Test
    void verdictsAreColouredByWhatTheySay() {
        assertEquals("holds", ClaimsSection.verdictClass("holds"));
        assertEquals("fails", ClaimsSection.verdictClass("does not hold"));
        assertEquals("fails", ClaimsSection.verdictClass("DOES_NOT_HOLD"));
        assertEquals("inconclusive", ClaimsSection.verdictClass("inconclusive"));
        assertEquals("unmeasured", ClaimsSection.verdictClass("not measured"));
    }
}
