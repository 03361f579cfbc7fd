package io.ipcbench.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipcbench.config.RunConfig;
import io.ipcbench.results.Canary;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ConnectSetUp;
import io.ipcbench.results.ClaimComparison;
import io.ipcbench.results.ClaimVerdict;
import io.ipcbench.results.Environment;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.OfferedLoad;
import io.ipcbench.results.Placement;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.Spread;
import io.ipcbench.results.Throughput;
import io.ipcbench.results.Warmup;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Synthetic runs with known figures, built in memory or written as a real run folder (run.json
 * through RunFolder, interval logs through HdrHistogram's HistogramLogWriter); no harness is run.
 *
 * <p>Every cell's round trips follow one shape: 90% take {@code baseNs}, 9% twice that, 1% ten
 * times that. So p50 = base, p90 = base, p99 = 2 x base and max = 10 x base (within HdrHistogram's
 * 3 significant digits).
 */
final class TestRuns {
    static final Placement PINNED = new Placement(0, 1);
    static final long START_MILLIS = 1_700_000_000_000L;
    static final Environment ENVIRONMENT = new Environment("testbox", "6.1.0-test", "Test CPU", 2, "Vendor", "17.0.1",
            List.of(), "0.1.0-SNAPSHOT", null, Map.of("net.core.rmem_default", 212992), 65536, "tsc", null);

    private TestRuns() {
    }

    /** One interval of a cell's log: {@code perInterval} round trips of the shape above. */
    static Histogram interval(long baseNs, int perInterval, long startMillis, long lengthMillis, String tag) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < perInterval; i++) {
            int slot = i % 100;
            h.recordValue(slot < 90 ? baseNs : slot < 99 ? 2 * baseNs : 10 * baseNs);
        }
        h.setStartTimeStamp(startMillis);
        h.setEndTimeStamp(startMillis + lengthMillis);
        h.setTag(tag);
        return h;
    }

    /** {@code count} one-second intervals of 1,000 round trips each. */
    static List<Histogram> intervals(long baseNs, int count) {
        return intervals(baseNs, count, null);
    }

    /** As {@link #intervals(long, int)}, each interval tagged (a rate cell's two timings). */
    static List<Histogram> intervals(long baseNs, int count, String tag) {
        List<Histogram> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(interval(baseNs, 1000, START_MILLIS + 1000L * i, 1000, tag));
        }
        return list;
    }

    static CellResult cell(String transport, int size, int connections, String mode, List<Histogram> intervals) {
        return cell(transport, size, connections, mode, intervals, null);
    }

    private static CellResult cell(String transport, int size, int connections, String mode, List<Histogram> intervals,
                                   Throughput throughput) {
        Histogram total = new Histogram(3);
        intervals.forEach(total::add);
        String log = RunFolder.logFileName(transport, size, connections, mode, 0);
        return new CellResult(transport, RunConfig.ENGINE_RAW, mode, size, connections, 0, PINNED, CellResult.OK, null,
                new Warmup(100, 0.01, 1000), LatencySummary.of(total), intervals.isEmpty() ? null : log, null,
                IntegrityErrors.NONE, 0, null, throughput, null, null, null, null, null);
    }

    static CellResult failed(String transport, int size, String error) {
        return new CellResult(transport, RunConfig.ENGINE_RAW, CellMode.LATENCY.label(), size, 1, 0, PINNED,
                CellResult.FAILED, error, null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, 0, null, null, null,
                null, null, null, null);
    }

    static RunResult run(String id, List<CellResult> cells) {
        RunConfig config = RunConfig.builder().transports(cells.stream().map(CellResult::transport).distinct().toList())
                .sizes(cells.stream().map(CellResult::size).distinct().toList()).iterations(1000).pin(PINNED).build();
        return RunResult.of(id, "2023-11-14T22:13:20Z", "2023-11-14T22:14:00Z", config, null, ENVIRONMENT, cells,
                ProbeResults.NONE);
    }

    /** A cell and its interval log, built in memory; a rate cell's intervals from the actual send beside. */
    record Cell(CellResult result, List<Histogram> intervals, List<Histogram> rawIntervals) {
        Cell(CellResult result, List<Histogram> intervals) {
            this(result, intervals, List.of());
        }

        /**
         * A one-connection rate cell at {@code requested}, offering {@code targetPerSec} and achieving
         * {@code achievedPerSec} (missed below 99%), its round trips around {@code baseNs} from the
         * intended send and {@code rawBaseNs} from the actual send.
         */
        static Cell rate(String transport, int size, String requested, double targetPerSec, double achievedPerSec,
                         long baseNs, long rawBaseNs) {
            List<Histogram> intervals = TestRuns.intervals(baseNs, 2, RunFolder.CORRECTED_TAG);
            List<Histogram> raw = TestRuns.intervals(rawBaseNs, 2, RunFolder.RAW_TAG);
            Histogram rawTotal = new Histogram(3);
            raw.forEach(rawTotal::add);
            RequestedRate rate = RequestedRate.parse(requested);
            Cell cell = new Cell(cell(transport, size, 1, CellMode.RATE.label(), intervals), intervals, raw);
            ObjectNode node = cell.field("rate", RunFolder.json().valueToTree(OfferedLoad.measured(rate, null,
                    targetPerSec, Math.round(achievedPerSec), 1.0, 0, 1, LatencySummary.of(rawTotal))));
            node.put("histogramLog", RunFolder.logFileName(transport, size, 1, CellMode.RATE.withRate(rate), 0));
            return new Cell(RunFolder.json().convertValue(node, CellResult.class), intervals, raw);
        }

        static Cell latency(String transport, int size, long baseNs, int intervalCount) {
            return latency(transport, size, 1, baseNs, intervalCount);
        }

        static Cell latency(String transport, int size, int connections, long baseNs, int intervalCount) {
            List<Histogram> intervals = TestRuns.intervals(baseNs, intervalCount);
            return new Cell(cell(transport, size, connections, CellMode.LATENCY.label(), intervals), intervals);
        }

        /** A throughput cell that moved {@code bytesPerSec} for one second. */
        static Cell throughput(String transport, int size, double bytesPerSec) {
            Throughput moved = Throughput.of(Math.round(bytesPerSec / size), Math.round(bytesPerSec), 1.0, List.of());
            return new Cell(cell(transport, size, 1, CellMode.THROUGHPUT.label(), List.of(), moved), List.of());
        }

        /**
         * A connect cell with {@code loops} loops, no log: operations about three times {@code connectNs}
         * each, {@code perSec} of them a second, the connect alone around {@code connectNs}.
         */
        static Cell connect(String transport, int size, int loops, long connectNs, double perSec) {
            Histogram connects = new Histogram(3);
            Histogram operations = new Histogram(3);
            for (int i = 0; i < 1_000; i++) {
                connects.recordValue(connectNs + i % 10);
                operations.recordValue(3 * connectNs + i % 10);
            }
            CellResult result = new CellResult(transport, null, RunConfig.ENGINE_RAW, CellMode.CONNECT.label(), size, loops,
                    0, PINNED, CellResult.OK, null, new Warmup(100, 0.01, 1000), LatencySummary.of(operations), null,
                    null, IntegrityErrors.NONE, perSec, null, null, null, null, null, null, null, null, 0,
                    new ConnectSetUp(LatencySummary.of(connects), "client", false,
                            "tcp".equals(transport) ? 1_000 : null, "tcp".equals(transport) ? 0 : null));
            return new Cell(result, List.of());
        }

        /** A cell that failed, with nothing measured. */
        static Cell failed(String transport, int size, String error) {
            return new Cell(TestRuns.failed(transport, size, error), List.of());
        }

        /** The same cell as repetition {@code k} (from 0) of its key, with its own log file name. */
        Cell repetition(int k) {
            ObjectNode node = field("repetition", RunFolder.json().valueToTree(k));
            if (result.histogramLog() != null) {
                node.put("histogramLog", RunFolder.logFileName(result.transport(), result.size(), result.connections(),
                        result.mode(), k));
            }
            return new Cell(RunFolder.json().convertValue(node, CellResult.class), intervals, rawIntervals);
        }

        /** The same cell with the box canary measured around it. */
        Cell canary(long beforeNs, long afterNs) {
            return new Cell(result.withCanary(new Canary(beforeNs, afterNs)), intervals, rawIntervals);
        }

        /** The same cell in another mode (a failed connect cell, say). */
        Cell mode(CellMode mode) {
            ObjectNode node = field("mode", RunFolder.json().valueToTree(mode.label()));
            return new Cell(RunFolder.json().convertValue(node, CellResult.class), intervals, rawIntervals);
        }

        /** The same cell with the spread of its connections' p99. */
        Cell spread(Spread perConnectionP99Ns) {
            ObjectNode node = field("perConnectionP99Ns", RunFolder.json().valueToTree(perConnectionP99Ns));
            return new Cell(RunFolder.json().convertValue(node, CellResult.class), intervals);
        }

        /** The record as run.json holds it with one field set: it follows the record's fields, whatever their order. */
        private ObjectNode field(String name, JsonNode value) {
            ObjectNode node = RunFolder.json().valueToTree(result);
            node.set(name, value);
            return node;
        }
    }

    /** A comparison behind a claim: {@code transport} against tcp at 64 B, one connection, 3 repetitions each. */
    static ClaimComparison comparison(String metric, String transport, Double ratio, Double low, Double high,
                                      String verdict, boolean deciding) {
        return new ClaimComparison(metric, transport, "tcp", RunConfig.ENGINE_RAW, 64, 1, "0,1", ratio, low, high, 0.95,
                3, 3, null, "bimodal: 2 of 3 repetitions near 32.27 µs, 1 near 38.40 µs", verdict,
                ClaimVerdict.INCONCLUSIVE.equals(verdict) ? "CI straddles 1" : null, deciding);
    }

    /** A judged claim with its summary, one figure per comparison, and 3 repetitions. */
    static ClaimVerdict claim(String id, String verdict, List<ClaimComparison> comparisons, String correction) {
        List<String> figures = comparisons.stream().map(c -> c.transport() + " / tcp " + c.metric() + " = " + c.ratio())
                .toList();
        return new ClaimVerdict(id, "The claim " + id + " in words.", verdict, "Why " + id + " " + verdict + ".",
                figures, 6, comparisons.isEmpty() ? 0 : 3, "64 B; 1 connection; placement 0,1", comparisons, correction);
    }

    /** A run as the plotter holds it, without any file. */
    static RunData inMemory(int index, String label, List<Cell> cells) {
        return inMemory(index, label, cells, List.of());
    }

    /** A run as the plotter holds it, without any file, with its claims judged. */
    static RunData inMemory(int index, String label, List<Cell> cells, List<ClaimVerdict> claims) {
        RunResult run = run(label, cells.stream().map(Cell::result).toList()).withClaims(claims);
        List<CellData> data = new ArrayList<>();
        for (Cell cell : cells) {
            data.add(CellData.of(cell.result(), cell.intervals(), cell.rawIntervals()));
        }
        return new RunData(index, label, Path.of("run-" + label), run, data, List.of());
    }

    /**
     * Writes a run folder: run.json through RunFolder, with its claims judged, and one interval log
     * per cell with intervals.
     */
    static Path write(Path folder, String id, List<Cell> cells, List<ClaimVerdict> claims) throws IOException {
        Files.createDirectories(folder);
        for (Cell cell : cells) {
            if (!cell.intervals().isEmpty()) {
                List<Histogram> log = new ArrayList<>(cell.intervals());
                log.addAll(cell.rawIntervals());
                writeLog(folder.resolve(cell.result().histogramLog()), log);
            }
        }
        RunFolder.write(folder, run(id, cells.stream().map(Cell::result).toList()).withClaims(claims));
        return folder;
    }

    static void writeLog(Path file, List<Histogram> intervals) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
             PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(START_MILLIS);
            writer.setBaseTime(START_MILLIS);
            writer.outputBaseTime(START_MILLIS);
            writer.outputLegend();
            for (Histogram interval : intervals) {
                writer.outputIntervalHistogram(interval);
            }
        }
    }
}
