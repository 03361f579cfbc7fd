package io.ipcbench.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipcbench.plots.TestRuns.Cell;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.ClaimVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report page's sections, from runs built in memory (no charts rendered). */
@Timeout(30)
class ReportPageTest {
    private static String page(RunData... runs) {
        List<RunData> list = List.of(runs);
        return ReportPage.render(list, Charts.build(list), List.of(), Path.of("out"), "2023-11-14T22:15:00Z");
    }

    @Test
    void withoutClaimsThereIsNoClaimsSection() {
        String html = page(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2))));

        assertFalse(html.contains("id=\"claims\""));
        assertTrue(html.contains("<h2 id=\"summary\">"));
        assertTrue(html.contains("testbox"));
    }

    /** The targets of the in-page links in a part of the page, in order, each checked to name one element of it. */
    private static List<String> inPageLinks(String part, String page) {
        List<String> targets = new ArrayList<>();
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(part);
        while (link.find()) {
            String id = link.group(1);
            assertEquals(1, page.split("id=\"" + Pattern.quote(id) + "\"", -1).length - 1, "#" + id + " lands once");
            targets.add(id);
        }
        return targets;
    }

    private static String nav(String page) {
        return page.substring(page.indexOf("<nav>"), page.indexOf("</nav>"));
    }

    @Test
    void theNavigationLinksTheClaimsAndTheRepetitionsWhenThePageHasThem() {
        List<ClaimVerdict> claims = List.of(TestRuns.claim("uds-latency", ClaimVerdict.HOLDS, List.of(), null));
        RunData run = TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.latency("tcp", 64, 21_000, 2).repetition(1)), claims);

        String html = page(run);

        assertEquals(List.of("claims", "summary", "repetitions", "charts", "environment", "files"),
                inPageLinks(nav(html), html), "in the page's order");
        inPageLinks(html, html);
    }

    @Test
    void withoutClaimsOrRepetitionsTheNavigationLeavesThemOut() {
        String html = page(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2))));

        assertEquals(List.of("summary", "charts", "environment", "files"), inPageLinks(nav(html), html));
    }

    @Test
    void failedCellsAreShadedAndTheirErrorEscaped() {
        RunData run = TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.failed("udp", 64, "peer said <bye> & died")));

        String html = page(run);

        assertTrue(html.contains("<tr class=\"failed\">"));
        assertTrue(html.contains("peer said &lt;bye&gt; &amp; died"));
        assertFalse(html.contains("<bye>"));
        assertTrue(html.contains("Read with care"));
    }

    @Test
    void rateCellsHaveTheirOwnTableWithAMissedRateFlaggedAndEachSweepsSustainableRate() {
        // p99 is twice the base: 40 µs and 60 µs are within the 100 µs budget, 400 µs is not; the raw p99
        // agrees at 25% (both 40 µs), not at 50% (56 µs against 60 µs) or 100%.
        RunData run = TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.rate("tcp", 64, "25%", 5_000, 5_000, 20_000, 20_000),
                Cell.rate("tcp", 64, "50%", 10_000, 10_000, 30_000, 28_000),
                Cell.rate("tcp", 64, "100%", 20_000, 15_000, 200_000, 20_000),
                Cell.rate("unix-stream", 64, "25%", 7_000, 7_000, 300_000, 300_000)));

        String html = page(run);

        String rate = html.substring(html.indexOf("<h3>Under offered load</h3>"));
        String cells = rate.substring(0, rate.indexOf("</table>"));
        assertEquals(4, cells.split("<tr", -1).length - 2, "one row per rate cell under the heading row");
        assertTrue(cells.contains("<tr class=\"failed\">"), "the missed rate is shaded");
        assertTrue(cells.contains("rate missed: achieved 15,000/s of 20,000/s"), cells);
        // HdrHistogram keeps 3 significant digits: 400 µs reads back as 400.x.
        assertTrue(Pattern.compile("<td class=\"num\">400\\.\\d\\d \\[40\\.\\d\\d\\]</td>").matcher(cells).find(),
                "p99 from the intended send, the actual send's beside it: " + cells);
        assertTrue(Pattern.compile("<td class=\"num\">40\\.\\d\\d</td>").matcher(cells).find(),
                "no bracket where the two agree within 5%");
        String sustainable = rate.substring(rate.indexOf("<h3>Sustainable rate at p99 ≤ 100 µs</h3>"));
        assertTrue(sustainable.contains("tcp/raw/64B/1c</td><td>0,1</td><td class=\"num\">1</td>"
                + "<td class=\"num\">10,000</td>"), sustainable);
        assertTrue(sustainable.contains("100% (20,000/s): rate missed, 15,000/s achieved"), sustainable);
        assertTrue(sustainable.contains("unix-stream/raw/64B/1c</td><td>0,1</td><td class=\"num\">1</td>"
                + "<td class=\"num\">none within the budget</td>"), sustainable);
        String summary = html.substring(html.indexOf("<h2 id=\"summary\">"), html.indexOf("<h3>Under offered load"));
        assertTrue(summary.contains("<td>latency</td>"));
        assertFalse(summary.contains("<td>rate</td>"), "rate cells are not in the closed-loop table");
    }

    @Test
    void connectCellsHaveTheirOwnTableApartFromTheRoundTrips() {
        RunData run = TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2),
                Cell.connect("tcp", 64, 1, 30_000, 8_000),
                Cell.connect("unix-stream", 64, 1, 10_000, 25_000),
                Cell.failed("unix-seqpacket", 64, "the peer refused").mode(CellMode.CONNECT)));

        String html = page(run);

        String connect = html.substring(html.indexOf("<h3>Connection set-up</h3>"));
        String cells = connect.substring(0, connect.indexOf("</table>"));
        assertEquals(3, cells.split("<tr", -1).length - 2, "one row per connect cell under the heading row");
        // The connect alone is about 30 µs, the whole operation about three times that (HdrHistogram
        // keeps 3 significant digits).
        assertTrue(Pattern.compile("<td class=\"num\">30\\.\\d\\d</td><td class=\"num\">30\\.\\d\\d</td>"
                + "<td class=\"num\">90\\.\\d\\d</td>").matcher(cells).find(), "connect, then operation: " + cells);
        assertTrue(cells.contains("<td class=\"num\">8,000</td>"), "operations a second: " + cells);
        assertTrue(cells.contains("<td class=\"num\">1,000 / 0</td>"), "tcp's TIME_WAIT, client and peer: " + cells);
        assertTrue(cells.contains("<td class=\"num\">– / –</td>"), "unix-stream has no TIME_WAIT: " + cells);
        assertTrue(cells.contains("<tr class=\"failed\">") && cells.contains("the peer refused"),
                "the failed connect cell is here, shaded, with its reason: " + cells);
        String summary = html.substring(html.indexOf("<h2 id=\"summary\">"), html.indexOf("<h3>Connection set-up"));
        assertTrue(summary.contains("<td>latency</td>"));
        assertFalse(summary.contains("<td>connect</td>"), "connect cells are not in the round-trip table");
        assertFalse(summary.contains("the peer refused"), "nor is the failed one");
    }

    @Test
    void aRunWithoutRateCellsHasNoRateSection() {
        String html = page(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2))));

        assertFalse(html.contains("Under offered load"));
        assertFalse(html.contains("Sustainable rate"));
    }

    @Test
    void omittedChartsAreListedWithTheirReason() {
        String html = page(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2))));

        assertTrue(html.contains("Not drawn"));
        assertTrue(html.contains("no throughput cells"));
    }

    @Test
    void jmhResultsBesideTheRunAreTabled(@TempDir Path folder) throws java.io.IOException {
        RunData inMemory = TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2)));
        RunData run = new RunData(0, "r", folder, inMemory.run(), inMemory.cells(), List.of());
        java.nio.file.Files.writeString(folder.resolve(JmhSection.JMH_JSON), """
                [{"benchmark": "io.ipcbench.benchmarks.PingPong.roundTrip", "mode": "avgt",
                  "params": {"transport": "tcp", "size": "64"},
                  "primaryMetric": {"score": 14.25, "scoreError": 0.5, "scoreUnit": "us/op"}}]
                """);

        String html = page(run);

        assertTrue(html.contains("JMH benchmarks"));
        assertTrue(html.contains("<code>PingPong.roundTrip</code>"));
        assertTrue(html.contains("transport=tcp, size=64"));
        assertTrue(html.contains("14.250"));
        assertTrue(html.contains("href=\"" + Html.href(Path.of("out"), folder.resolve("jmh.json")) + "\""),
                "linked among the raw files");
    }

    @Test
    void withoutJmhResultsThereIsNoJmhTable() {
        assertFalse(page(TestRuns.inMemory(0, "r", List.of(Cell.latency("tcp", 64, 20_000, 2)))).contains("JMH"));
    }

    @Test
    void linksAreRelativeToThePage() {
        assertEquals("../run/tcp_64B_1c_latency.hlog",
                Html.href(Path.of("/data/out"), Path.of("/data/run/tcp_64B_1c_latency.hlog")));
        assertEquals("plots/a%20b.png", Html.href(Path.of("/data/out"), Path.of("/data/out/plots/a b.png")));
    }
}
