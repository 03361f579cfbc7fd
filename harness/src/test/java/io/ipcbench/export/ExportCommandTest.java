package io.ipcbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipcbench.cli.CommandRun;
import io.ipcbench.cli.Main;
import io.ipcbench.cli.SmallRun;
import io.ipcbench.command.ExitCode;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every export format of a real small run, read back by a reader of its own (Jackson's tree for
 * JSON, Commons CSV, HdrHistogram's log reader for the logs) and held against run.json, read as
 * plain JSON. Bad input is one line, exit code 2, and no file.
 */
@Timeout(120)
class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private static JsonNode runJson() throws IOException {
        return JSON.readTree(SmallRun.folder().resolve("run.json").toFile());
    }

    /** The successful cells of run.json by key, each with its repetitions, computed here from the plain JSON. */
    private static Map<String, List<JsonNode>> cellsByKey(JsonNode run) {
        Map<String, List<JsonNode>> cells = new LinkedHashMap<>();
        for (JsonNode cell : run.path("cells")) {
            if ("ok".equals(cell.path("status").asText())) {
                cells.computeIfAbsent(key(cell), k -> new ArrayList<>()).add(cell);
            }
        }
        return cells;
    }

    private static String key(JsonNode cell) {
        return cell.path("transport").asText() + "/" + cell.path("engine").asText() + "/" + cell.path("size").asInt()
                + "B/" + cell.path("connections").asInt() + "c/" + cell.path("mode").asText();
    }

    private static double[] values(List<JsonNode> repetitions, String pointer) {
        return repetitions.stream().mapToDouble(cell -> cell.at(pointer).asDouble()).sorted().toArray();
    }

    /** Where each BMF measure's values are in a cell of run.json. */
    private static final Map<String, String> LATENCY_MEASURES = Map.of("latency-p50", "/latencyNs/p50",
            "latency-p99", "/latencyNs/p99", "latency-p99.9", "/latencyNs/p999",
            "cpu-per-message", "/cpuCost/cpuMicrosPerMessage",
            "context-switches-per-message", "/cpuCost/contextSwitchesPerMessage");
    private static final Map<String, String> THROUGHPUT_MEASURES = Map.of("throughput", "/throughput/bytesPerSec",
            "cpu-per-message", "/cpuCost/cpuMicrosPerMessage",
            "context-switches-per-message", "/cpuCost/contextSwitchesPerMessage");

    private Path export(String format, String... more) {
        Path file = out.resolve(format + ".out");
        List<String> args = new ArrayList<>(List.of("export", SmallRun.folder().toString(), "--format", format,
                "--out", file.toString()));
        args.addAll(List.of(more));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        return file;
    }

    @Test
    void bmfHasABenchmarkPerCellKeyWithTheFigureAndIntervalOfItsRepetitions() throws IOException {
        JsonNode bmf = JSON.readTree(export("bmf").toFile());
        Map<String, List<JsonNode>> cells = cellsByKey(runJson());

        assertEquals(new TreeSet<>(cells.keySet()), names(bmf));
        assertEquals(2, cells.size(), "latency and throughput");
        for (Map.Entry<String, List<JsonNode>> cell : cells.entrySet()) {
            assertEquals(SmallRun.REPETITIONS, cell.getValue().size());
            Map<String, String> measures = cell.getKey().endsWith("/latency") ? LATENCY_MEASURES : THROUGHPUT_MEASURES;
            JsonNode benchmark = bmf.path(cell.getKey());
            assertEquals(new TreeSet<>(measures.keySet()), names(benchmark), cell.getKey());
            for (Map.Entry<String, String> measure : measures.entrySet()) {
                double[] perRepetition = values(cell.getValue(), measure.getValue());
                JsonNode metric = benchmark.path(measure.getKey());
                assertEquals(Set.of("value", "lower_value", "upper_value"), names(metric));
                assertTrue(metric.path("value").isNumber());
                // The figure's own arithmetic is tested below; here: every repetition of run.json, and nothing else.
                RepetitionFigure expected = RepetitionFigure.of(perRepetition);
                double value = metric.path("value").asDouble();
                assertEquals(expected.value(), value, 1e-9 * Math.max(1, value), cell.getKey() + " " + measure);
                assertEquals(expected.lower(), metric.path("lower_value").asDouble(), 1e-9 * Math.max(1, value));
                assertEquals(expected.upper(), metric.path("upper_value").asDouble(), 1e-9 * Math.max(1, value));
                assertTrue(perRepetition[0] <= value && value <= perRepetition[perRepetition.length - 1],
                        "between the lowest and highest repetition");
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        return object.propertyStream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void customSmallerIsBetterHoldsLatencyCpuAndSwitchesAndBiggerHoldsThroughput() throws IOException {
        JsonNode smaller = JSON.readTree(export("github-action-benchmark").toFile());
        JsonNode bigger = JSON.readTree(export("github-action-benchmark", "--direction", "bigger").toFile());
        Map<String, List<JsonNode>> cells = cellsByKey(runJson());

        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode entry : smaller) {
            assertEquals(Set.of("name", "unit", "value", "range", "extra"), names(entry));
            assertTrue(entry.path("value").isNumber() && entry.path("range").isTextual() && entry.path("extra").isTextual());
            entries.put(entry.path("name").asText(), entry);
        }
        Map<String, String> labels = Map.of("p50", "/latencyNs/p50", "p99", "/latencyNs/p99", "p99.9", "/latencyNs/p999",
                "CPU per message", "/cpuCost/cpuMicrosPerMessage",
                "context switches per message", "/cpuCost/contextSwitchesPerMessage");
        int expected = 0;
        for (Map.Entry<String, List<JsonNode>> cell : cells.entrySet()) {
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (cell.getKey().endsWith("/throughput") && label.getValue().startsWith("/latencyNs")) {
                    continue;
                }
                expected++;
                JsonNode entry = entries.get(cell.getKey() + " " + label.getKey());
                assertNotNull(entry, cell.getKey() + " " + label.getKey() + " in " + entries.keySet());
                double[] perRepetition = values(cell.getValue(), label.getValue());
                RepetitionFigure expectedFigure = RepetitionFigure.of(perRepetition);
                assertEquals(expectedFigure.value(), entry.path("value").asDouble(), 1e-6 * expectedFigure.value());
                double halfWidth = Math.max(expectedFigure.value() - expectedFigure.lower(),
                        expectedFigure.upper() - expectedFigure.value());
                double range = Double.parseDouble(entry.path("range").asText().replace("± ", ""));
                assertEquals(halfWidth, range, Math.max(0.5, halfWidth * 1e-3), entry.toString());
                assertTrue(entry.path("extra").asText().startsWith("3 repetitions"), entry.toString());
            }
        }
        assertEquals(expected, smaller.size());
        assertEquals("ns", entries.get(SmallRun.LATENCY_KEY + " p99").path("unit").asText());

        assertEquals(1, bigger.size(), "the throughput cell");
        for (JsonNode entry : bigger) {
            String key = entry.path("name").asText().replace(" throughput", "");
            assertEquals("B/s", entry.path("unit").asText());
            assertEquals(RepetitionFigure.of(values(cells.get(key), "/throughput/bytesPerSec")).value(),
                    entry.path("value").asDouble(), 1e-3);
        }
    }

    @Test
    void csvHasARowPerCellAndRepetitionWithEveryFigureAsInRunJson() throws IOException {
        String text = Files.readString(export("csv"));
        JsonNode run = runJson();

        assertTrue(text.contains("\r\n"), "RFC 4180 ends lines with CRLF");
        List<CSVRecord> rows;
        List<String> header;
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader()
                     .setSkipHeaderRecord(true).get())) {
            header = parser.getHeaderNames();
            rows = parser.getRecords();
        }
        assertEquals(run.path("cells").size(), rows.size());
        assertEquals(SmallRun.REPETITIONS * 2, rows.size());
        for (String column : List.of("key", "repetition", "latencyNs.p50", "latencyNs.p999", "throughput.bytesPerSec",
                "cpuCost.client.userNs", "cpuCost.peer.involuntarySwitches", "cpuCost.cpuMicrosPerMessage",
                "boxLoad.stealPercent", "datagrams.lost")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode cell = run.path("cells").get(i);
            CSVRecord row = rows.get(i);
            assertEquals(key(cell), row.get("key"));
            for (String column : header.subList(1, header.size())) {
                JsonNode value = cell.at("/" + column.replace('.', '/'));
                String field = row.get(column);
                if (value.isMissingNode() || value.isNull()) {
                    assertEquals("", field, column);
                } else if (value.isNumber()) {
                    assertEquals(value.asDouble(), Double.parseDouble(field), column);
                } else {
                    assertEquals(value.asText(), field, column);
                }
            }
        }
    }

    @Test
    void csvQuotesWhatNeedsQuotingAsRfc4180Says(@TempDir Path folder) throws IOException {
        String error = "the peer said \"bye\", then\nexited";
        JsonNode run = runJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) run.path("cells").get(0)).put("status", "failed")
                .put("error", error);
        Files.write(folder.resolve("run.json"), JSON.writeValueAsBytes(run));

        CommandRun exported = CommandRun.of("export", folder.toString(), "--format", "csv");

        assertEquals(ExitCode.OK, exported.exitCode(), exported.err());
        assertTrue(exported.out().contains(",\"the peer said \"\"bye\"\", then\nexited\","), "quoted, quotes doubled");
        try (CSVParser parser = CSVParser.parse(exported.out(), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            CSVRecord first = parser.getRecords().get(0);
            assertEquals(error, first.get("error"));
            assertEquals("failed", first.get("status"));
        }
    }

    @Test
    void hgrmIsEachLatencyCellsWholeDistribution() throws IOException {
        Path folder = out.resolve("distributions");
        CommandRun exported = CommandRun.of("export", SmallRun.folder().toString(), "--format", "hgrm", "--out",
                folder.toString());
        assertEquals(ExitCode.OK, exported.exitCode(), exported.err());

        int latencyCells = 0;
        for (JsonNode cell : runJson().path("cells")) {
            if (cell.path("histogramLog").isNull()) {
                continue;
            }
            latencyCells++;
            String log = cell.path("histogramLog").asText();
            Path hgrm = folder.resolve(log.replace(".hlog", ".hgrm"));
            Histogram whole = readLog(SmallRun.folder().resolve(log));
            List<String> lines = Files.readAllLines(hgrm);
            assertEquals("Value     Percentile TotalCount 1/(1-Percentile)", lines.get(0).strip());
            boolean sawMedian = false;
            for (String line : lines.subList(2, lines.size())) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                long valueNs = Math.round(Double.parseDouble(fields[0]) * 1000);
                long cumulative = Long.parseLong(fields[2]);
                assertEquals(cumulative, whole.getCountBetweenValues(0, valueNs), log + ": " + line);
                if (Double.parseDouble(fields[1]) == 0.5) {
                    assertEquals(cell.at("/latencyNs/p50").asLong(), valueNs, log + " p50");
                    sawMedian = true;
                }
            }
            assertTrue(sawMedian, log);
            String footer = String.join("\n", lines);
            assertTrue(footer.contains("Total count    = " + String.format("%12d", cell.at("/latencyNs/count").asLong())),
                    footer);
            assertEquals(whole.getTotalCount(), cell.at("/latencyNs/count").asLong());
        }
        assertEquals(SmallRun.REPETITIONS, latencyCells);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(latencyCells, files.count(), "one file per latency cell, nothing else");
        }
    }

    private static Histogram readLog(Path log) throws IOException {
        Histogram whole = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                Histogram interval = (Histogram) next;
                if (interval.getTag() == null) {
                    whole.add(interval);
                }
            }
        }
        return whole;
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing-run --format csv", "RUN --format yaml", "RUN --format bmf --out BLOCKED/bmf.json",
            "RUN --format csv --out BLOCKED/cells.csv", "RUN --format hgrm --out BLOCKED/hgrm", "RUN --format hgrm",
            "RUN --format github-action-benchmark --direction sideways", "RUN"})
    void badInputIsOneLineExitTwoAndNoFile(String arguments) throws IOException {
        Path blocker = Files.writeString(out.resolve("BLOCKED"), "a file, not a folder");
        List<String> args = new ArrayList<>(List.of("export"));
        for (String word : arguments.split(" ")) {
            args.add(word.replace("RUN", SmallRun.folder().toString()).replace("BLOCKED", blocker.toString())
                    .replace("missing-run", out.resolve("missing-run").toString()));
        }

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("ipcbench: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(blocker), left.toList(), "nothing written, not even a temporary file");
        }
    }

    @Test
    void bmfOfOneRepetitionHasNoInterval(@TempDir Path folder) throws IOException {
        JsonNode run = runJson();
        com.fasterxml.jackson.databind.node.ArrayNode first = JSON.createArrayNode();
        run.path("cells").forEach(cell -> {
            if (cell.path("repetition").asInt() == 0) {
                first.add(cell);
            }
        });
        ((com.fasterxml.jackson.databind.node.ObjectNode) run).set("cells", first);
        Files.write(folder.resolve("run.json"), JSON.writeValueAsBytes(run));

        CommandRun exported = CommandRun.of("export", folder.toString(), "--format", "bmf");

        JsonNode metric = JSON.readTree(exported.out()).path(SmallRun.LATENCY_KEY).path("latency-p99");
        // Cells run in a shuffled order: find the latency cell among repetition 0's.
        JsonNode latency = null;
        for (JsonNode cell : first) {
            if ("latency".equals(cell.path("mode").asText())) {
                latency = cell;
            }
        }
        assertEquals(latency.at("/latencyNs/p99").asDouble(), metric.path("value").asDouble());
        assertNull(metric.get("lower_value"));
        assertNull(metric.get("upper_value"));
    }

    @Test
    void theFigureIsTheGeometricMeanWithItsIntervalFromThreeRepetitions() {
        RepetitionFigure two = RepetitionFigure.of(new double[] {1, 4});
        assertEquals(2.0, two.value(), 1e-12);
        assertFalse(two.hasInterval(), "two values say little about the spread");
        RepetitionFigure three = RepetitionFigure.of(new double[] {1, 8, 8});
        assertEquals(4.0, three.value(), 1e-12);
        assertTrue(three.lower() < 4 && three.upper() > 4, three.toString());
        assertEquals(4.0, Math.sqrt(three.lower() * three.upper()), 1e-9, "symmetric on the log scale");
        assertEquals(3, three.repetitions());
    }

    @Test
    void aFigureThatCanBeZeroIsTheMedianWithTheRangeOfTheRepetitions() {
        RepetitionFigure cpu = RepetitionFigure.of(new double[] {0, 9, 5});
        assertEquals(5.0, cpu.value());
        assertEquals(0.0, cpu.lower());
        assertEquals(9.0, cpu.upper());
    }
}
