package io.ipcbench.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.Calibration;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run folder that looks like the harness's own, with interval logs drawn from a known
 * latency distribution: run.json through {@link RunFolder#write}, logs with {@link HistogramLogWriter}.
 * Cells and the environment go through Jackson from maps, so fields added to those records later
 * do not break these tests.
 *
 * <p>Each cell has {@link #repetitions} repetitions by default, and a box canary around each of
 * {@link #DEFAULT_CANARY_NANOS} (within 2%) times the run's canary scale, as a run on a steady box has.
 */
final class SyntheticRun {
    static final long INTERVAL_MILLIS = 100;
    static final double DEFAULT_CANARY_NANOS = 20_000;
    private static final int INTERVALS = 10;
    private static final int PER_INTERVAL = 5_000;

    private final String id;
    private final List<Map<String, Object>> cells = new ArrayList<>();
    private final List<LogSpec> logs = new ArrayList<>();
    private String cpuModel = "Test CPU @ 2.0GHz";
    private String kernel = "6.1.0-test";
    private int logicalCpus = 2;
    private String hostname = "testbox";
    private String engine = RunConfig.ENGINE_RAW;
    private Integer clientCpu = 0;
    private Integer peerCpu = 1;
    private long peerDelayMicros;
    private boolean interrupted;
    private int repetitions = 3;
    private Double canaryScale = 1.0;
    private String startedAt = "2026-11-21T10:00:00Z";
    private final long seed;

    SyntheticRun(String id, long seed) {
        this.id = id;
        this.seed = seed;
    }

    SyntheticRun cpuModel(String value) {
        cpuModel = value;
        return this;
    }

    SyntheticRun kernel(String value) {
        kernel = value;
        return this;
    }

    SyntheticRun hostname(String value) {
        hostname = value;
        return this;
    }

    SyntheticRun pin(Integer client, Integer peer) {
        clientCpu = client;
        peerCpu = peer;
        return this;
    }

    /** Leaves finishedAt out, as a run stopped part-way does. */
    SyntheticRun interrupted() {
        interrupted = true;
        return this;
    }

    SyntheticRun peerDelayMicros(long value) {
        peerDelayMicros = value;
        return this;
    }

    /** How many repetitions {@link #cell(String, int, double)} writes. */
    SyntheticRun repetitions(int value) {
        repetitions = value;
        return this;
    }

    /** The canary around every cell, as a multiple of {@link #DEFAULT_CANARY_NANOS}; null for a run without one. */
    SyntheticRun canaryScale(Double value) {
        canaryScale = value;
        return this;
    }

    /** When the run started, which orders the runs of a history folder. */
    SyntheticRun startedAt(String value) {
        startedAt = value;
        return this;
    }

    /** A latency cell's {@link #repetitions} repetitions, round trips {@link Latencies} scaled by {@code scale}. */
    SyntheticRun cell(String transport, int size, double scale) {
        for (int r = 0; r < repetitions; r++) {
            cell(transport, size, r, scale, INTERVALS, PER_INTERVAL, CellResult.OK);
        }
        return this;
    }

    /** One repetition of a cell with every knob: repetition, intervals, round trips per interval, status. */
    SyntheticRun cell(String transport, int size, int repetition, double scale, int intervals, int perInterval,
                      String status) {
        String log = RunFolder.logFileName(transport, size, 1, CellMode.LATENCY.label(), repetition);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("transport", transport);
        cell.put("engine", engine);
        cell.put("mode", CellMode.LATENCY.label());
        cell.put("size", size);
        cell.put("connections", 1);
        cell.put("repetition", repetition);
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("client", clientCpu);
        placement.put("peer", peerCpu);
        cell.put("placement", placement);
        cell.put("status", status);
        cell.put("error", CellResult.OK.equals(status) ? null : "the peer died (exit code 1)");
        cell.put("histogramLog", log);
        if (canaryScale != null) {
            SplittableRandom random = new SplittableRandom(seed * 31 + cells.size());
            Map<String, Object> canary = new LinkedHashMap<>();
            canary.put("beforeNs", Math.round(DEFAULT_CANARY_NANOS * canaryScale * (1 + 0.02 * random.nextGaussian())));
            canary.put("afterNs", Math.round(DEFAULT_CANARY_NANOS * canaryScale * (1 + 0.02 * random.nextGaussian())));
            cell.put("canary", canary);
        }
        cells.add(cell);
        logs.add(new LogSpec(log, scale, intervals, perInterval, seed * 1_000_003L + cells.size()));
        return this;
    }

    /** What to write into one interval log. */
    private record LogSpec(String file, double scale, int intervals, int perInterval, long seed) {
    }

    /** Writes run.json and the logs into {@code folder} and returns it. */
    Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (LogSpec log : logs) {
            writeLog(folder.resolve(log.file()), log.scale(), log.intervals(), log.perInterval(), log.seed());
        }
        RunConfig config = RunConfig.builder()
                .engine(engine)
                .transports(cells.stream().map(c -> (String) c.get("transport")).distinct().toList())
                .sizes(cells.stream().map(c -> (Integer) c.get("size")).distinct().toList())
                .durationMillis(INTERVALS * INTERVAL_MILLIS)
                .intervalMillis(INTERVAL_MILLIS)
                .peerDelayMicros(peerDelayMicros)
                .outputDirectory(folder.toString())
                .build();
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("hostname", hostname);
        environment.put("kernel", kernel);
        environment.put("cpuModel", cpuModel);
        environment.put("logicalCpus", logicalCpus);
        environment.put("jvmVendor", "Test");
        environment.put("jvmVersion", "17.0.0");
        environment.put("jvmFlags", List.of());
        environment.put("sysctls", Map.of("net.core.rmem_default", 212992));
        environment.put("loopbackMtu", 65536);
        environment.put("clockSource", "tsc");
        List<CellResult> cellResults = cells.stream()
                .map(c -> RunFolder.json().convertValue(c, CellResult.class)).toList();
        RunResult run = RunResult.of(id, startedAt, interrupted ? null : startedAt, config,
                new Calibration(20, 20, 10), RunFolder.json().convertValue(environment, Environment.class),
                cellResults, ProbeResults.NONE);
        RunFolder.write(folder, run);
        return folder;
    }

    private static void writeLog(Path file, double scale, int intervals, int perInterval, long cellSeed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(cellSeed);
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            long start = 1_700_000_000_000L;
            writer.outputLogFormatVersion();
            writer.outputStartTime(start);
            writer.setBaseTime(start);
            writer.outputLegend();
            for (int i = 0; i < intervals; i++) {
                Histogram histogram = Latencies.interval(random, perInterval, scale);
                histogram.setStartTimeStamp(start + i * INTERVAL_MILLIS);
                histogram.setEndTimeStamp(start + (i + 1) * INTERVAL_MILLIS);
                writer.outputIntervalHistogram(histogram);
            }
        }
    }
}
