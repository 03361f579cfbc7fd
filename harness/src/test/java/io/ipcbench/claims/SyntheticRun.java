package io.ipcbench.claims;

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
import io.ipcbench.results.Canary;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.ConnectSetUp;
import io.ipcbench.results.CpuCost;
import io.ipcbench.results.DatagramCounts;
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
 * Builds a run the way the harness writes one, with interval logs drawn from known distributions
 * (seeded, so every test sees the same numbers): latency cells get an .hlog of {@link #INTERVAL_MILLIS}
 * intervals, throughput cells a series. Logs are written into the folder as cells are added.
 *
 * <p>Each repetition of a cell is a separate process on a real box, and lands a little apart from
 * the others: the short forms give every cell {@link #REPETITIONS} repetitions whose medians differ
 * by a few percent ({@link #REPETITION_SPREAD}).
 */
final class SyntheticRun {
    static final long INTERVAL_MILLIS = 100;
    static final int PER_INTERVAL = 1_000;
    static final int REPETITIONS = 3;
    static final int INTERVALS = 10;
    /** Log-normal spread of one repetition's median around the cell's. */
    static final double REPETITION_SPREAD = 0.03;
    private static final long BASE_MILLIS = 1_795_300_000_000L;

    private final Path folder;
    private final SplittableRandom random;
    private final List<CellResult> cells = new ArrayList<>();
    private Placement placement = new Placement(0, 1);
    private ProbeResults probes = ProbeResults.NONE;
    private boolean finished = true;
    private double firstCanaryNs;
    private double lastCanaryNs;

    SyntheticRun(Path folder, long seed) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.random = new SplittableRandom(seed);
    }

    SyntheticRun unpinned() {
        placement = Placement.UNPINNED;
        return this;
    }

    SyntheticRun probes(ProbeResults value) {
        probes = value;
        return this;
    }

    SyntheticRun unfinished() {
        finished = false;
        return this;
    }

    /** A box canary around every cell, moving evenly from {@code firstNs} at the first cell to {@code lastNs}. */
    SyntheticRun canaries(double firstNs, double lastNs) {
        firstCanaryNs = firstNs;
        lastCanaryNs = lastNs;
        return this;
    }

    /** {@link #REPETITIONS} repetitions of a 1-connection latency cell, round trips around {@code medianNs}. */
    SyntheticRun latency(String transport, int size, double medianNs) throws IOException {
        return latency(transport, size, 1, medianNs, PER_INTERVAL);
    }

    /** {@link #REPETITIONS} repetitions of a latency cell with {@code perInterval} round trips an interval. */
    SyntheticRun latency(String transport, int size, int connections, double medianNs, int perInterval)
            throws IOException {
        for (int r = 0; r < REPETITIONS; r++) {
            latency(transport, size, connections, r, medianNs * Math.exp(REPETITION_SPREAD * gaussian()), INTERVALS,
                    perInterval);
        }
        return this;
    }

    /**
     * {@link #REPETITIONS} repetitions of a 1-connection latency cell of a transport's variant (shm's
     * idle strategy), round trips around {@code medianNs}, each costing {@code cpuMicros} of CPU.
     */
    SyntheticRun latency(String transport, String variant, int size, double medianNs, double cpuMicros)
            throws IOException {
        for (int r = 0; r < REPETITIONS; r++) {
            latency(transport, variant, size, 1, r, medianNs * Math.exp(REPETITION_SPREAD * gaussian()), INTERVALS,
                    PER_INTERVAL);
            CellResult c = cells.remove(cells.size() - 1);
            long messages = c.latencyNs().count();
            long nanos = Math.round(cpuMicros * 1_000 * messages / 2);
            cells.add(new CellResult(c.transport(), c.variant(), c.engine(), c.mode(), c.size(), c.connections(),
                    c.repetition(), c.placement(), c.status(), c.error(), c.warmup(), c.latencyNs(), c.histogramLog(),
                    c.datagrams(), c.errors(), c.roundTripsPerSec(), c.perConnectionP99Ns(), c.throughput(),
                    c.rate(), c.socketBuffers(), c.canary(), CpuCost.of(messages, CpuCost.ProcessCost.of(nanos, 0, 0, 0,
                    messages), CpuCost.ProcessCost.of(nanos, 0, 0, 0, messages)), c.boxLoad()));
        }
        return this;
    }

    /** One repetition each, at these medians: repetitions that sit in separate modes, say. */
    SyntheticRun latencyRepetitions(String transport, int size, double... medianNs) throws IOException {
        for (int r = 0; r < medianNs.length; r++) {
            latency(transport, size, 1, r, medianNs[r], INTERVALS, PER_INTERVAL);
        }
        return this;
    }

    /**
     * A latency cell whose intervals each hold {@code perInterval} round trips (more or less 5%),
     * log-normally spread around {@code medianNs}; its round trips per second follow from
     * {@code perInterval} over {@link #INTERVAL_MILLIS}.
     */
    SyntheticRun latency(String transport, int size, int connections, int repetition, double medianNs, int intervals,
                         int perInterval) throws IOException {
        return latency(transport, null, size, connections, repetition, medianNs, intervals, perInterval);
    }

    private SyntheticRun latency(String transport, String variant, int size, int connections, int repetition,
                                 double medianNs, int intervals, int perInterval) throws IOException {
        String log = RunFolder.logFileName(CellResult.transportName(transport, variant), size, connections,
                CellMode.LATENCY.label(), repetition);
        // A stable spread inside one process: the repetitions differ, the intervals of one hardly.
        double intervalSpread = 0.05;
        Histogram all = new Histogram(3);
        try (PrintStream out = new PrintStream(folder.resolve(log).toFile())) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.setBaseTime(BASE_MILLIS);
            writer.outputBaseTime(BASE_MILLIS);
            writer.outputLegend();
            for (int i = 0; i < intervals; i++) {
                Histogram interval = new Histogram(3);
                interval.setStartTimeStamp(BASE_MILLIS + i * INTERVAL_MILLIS);
                interval.setEndTimeStamp(BASE_MILLIS + (i + 1) * INTERVAL_MILLIS);
                int count = (int) Math.round(perInterval * (0.95 + 0.1 * random.nextDouble()));
                for (int k = 0; k < count; k++) {
                    interval.recordValue(Math.max(1, Math.round(medianNs * Math.exp(intervalSpread * gaussian()))));
                }
                writer.outputIntervalHistogram(interval);
                all.add(interval);
            }
        }
        double seconds = intervals * INTERVAL_MILLIS / 1_000.0;
        DatagramCounts datagrams = "udp".equals(transport)
                ? new DatagramCounts(all.getTotalCount(), all.getTotalCount(), 0, 0, 0, 0) : null;
        Spread perConnection = connections > 1
                ? new Spread(all.getValueAtPercentile(90), all.getValueAtPercentile(99), all.getMaxValue()) : null;
        cells.add(new CellResult(transport, variant, "raw", CellMode.LATENCY.label(), size, connections, repetition,
                placement,
                CellResult.OK, null, new Warmup(100, 0.1, Math.round(medianNs)), LatencySummary.of(all), log, datagrams,
                IntegrityErrors.NONE, seconds > 0 ? all.getTotalCount() / seconds : 0, perConnection, null, null, null,
                null, null, null));
        return this;
    }

    /**
     * {@link #REPETITIONS} repetitions of a connect cell with one loop: the connect alone around
     * {@code connectMedianNs}, each whole operation about three times that. No interval log.
     */
    SyntheticRun connect(String transport, int size, double connectMedianNs) {
        for (int r = 0; r < REPETITIONS; r++) {
            double median = connectMedianNs * Math.exp(REPETITION_SPREAD * gaussian());
            Histogram connects = new Histogram(3);
            Histogram operations = new Histogram(3);
            for (int k = 0; k < PER_INTERVAL; k++) {
                long connect = Math.max(1, Math.round(median * Math.exp(0.05 * gaussian())));
                connects.recordValue(connect);
                operations.recordValue(3 * connect);
            }
            double seconds = INTERVALS * INTERVAL_MILLIS / 1_000.0;
            cells.add(new CellResult(transport, null, "raw", CellMode.CONNECT.label(), size, 1, r, placement, CellResult.OK,
                    null, null, LatencySummary.of(operations), null, null, IntegrityErrors.NONE,
                    PER_INTERVAL / seconds, null, null, null, null, null, null, null, null, 0,
                    new ConnectSetUp(LatencySummary.of(connects), "client", false, PER_INTERVAL, 0)));
        }
        return this;
    }

    /** {@link #REPETITIONS} repetitions of a 1-connection throughput cell moving about {@code bytesPerSec}. */
    SyntheticRun throughput(String transport, int size, double bytesPerSec) {
        for (int r = 0; r < REPETITIONS; r++) {
            throughput(transport, size, r, bytesPerSec * Math.exp(REPETITION_SPREAD * gaussian()), INTERVALS);
        }
        return this;
    }

    /** One throughput cell whose series moves about {@code bytesPerSec} (more or less 5%). */
    SyntheticRun throughput(String transport, int size, int repetition, double bytesPerSec, int intervals) {
        List<Throughput.ThroughputSample> series = new ArrayList<>();
        long messages = 0;
        long bytes = 0;
        for (int i = 0; i < intervals; i++) {
            long moved = Math.round(bytesPerSec * INTERVAL_MILLIS / 1_000.0 * (0.95 + 0.1 * random.nextDouble()));
            series.add(new Throughput.ThroughputSample(i * 0.1, (i + 1) * 0.1, moved / size, moved));
            messages += moved / size;
            bytes += moved;
        }
        cells.add(new CellResult(transport, "raw", CellMode.THROUGHPUT.label(), size, 1, repetition, placement,
                CellResult.OK, null, null, LatencySummary.EMPTY, null, null, IntegrityErrors.NONE, 0, null,
                Throughput.of(messages, bytes, intervals * 0.1, series), null, null, null, null, null));
        return this;
    }

    /**
     * {@link #REPETITIONS} repetitions of a rate sweep at these percentages of a closed-loop maximum
     * around {@code closedLoopPerSec}: every rate up to {@code kneePercent} keeps its p99 at 50 µs,
     * every rate above it at 500 µs, both sides of the default 100 µs budget.
     */
    SyntheticRun rateSweep(String transport, int size, double closedLoopPerSec, double kneePercent, double... percents) {
        for (int r = 0; r < REPETITIONS; r++) {
            double closedLoop = closedLoopPerSec * Math.exp(REPETITION_SPREAD * gaussian());
            for (double percent : percents) {
                double target = closedLoop * percent / 100;
                long p99 = percent <= kneePercent ? 50_000 : 500_000;
                LatencySummary latency = new LatencySummary(1_000, 10_000, 20_000, 30_000, p99, p99, p99, p99, 22_000,
                        5_000);
                OfferedLoad load = new OfferedLoad(new RequestedRate(0, percent), closedLoop, target, target, 0, false,
                        latency);
                cells.add(new CellResult(transport, "raw", CellMode.RATE.label(), size, 1, r, placement, CellResult.OK,
                        null, new Warmup(100, 0.1, 20_000), latency, null, null, IntegrityErrors.NONE, target, null,
                        null, load, null, null, null, null));
            }
        }
        return this;
    }

    /** Replaces the datagram counts of the last cell added. */
    SyntheticRun datagrams(DatagramCounts counts) {
        CellResult c = cells.remove(cells.size() - 1);
        cells.add(new CellResult(c.transport(), c.variant(), c.engine(), c.mode(), c.size(), c.connections(),
                c.repetition(), c.placement(), c.status(), c.error(), c.warmup(), c.latencyNs(), c.histogramLog(),
                counts, c.errors(), c.roundTripsPerSec(), c.perConnectionP99Ns(), c.throughput(), c.rate(),
                c.socketBuffers(), c.canary(), c.cpuCost(), c.boxLoad()));
        return this;
    }

    /** Marks the last cell added as failed. */
    SyntheticRun failed(String error) {
        CellResult c = cells.remove(cells.size() - 1);
        cells.add(new CellResult(c.transport(), c.variant(), c.engine(), c.mode(), c.size(), c.connections(),
                c.repetition(), c.placement(), CellResult.FAILED, error, c.warmup(), c.latencyNs(), c.histogramLog(),
                c.datagrams(), c.errors(), c.roundTripsPerSec(), c.perConnectionP99Ns(), c.throughput(), c.rate(),
                c.socketBuffers(), c.canary(), c.cpuCost(), c.boxLoad()));
        return this;
    }

    Path folder() {
        return folder;
    }

    RunResult build() {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        cells.stream().filter(c -> c.variant() != null).forEach(c -> variants.computeIfAbsent(c.transport(),
                t -> new ArrayList<>()).add(c.variant()));
        variants.replaceAll((transport, chosen) -> chosen.stream().distinct().toList());
        RunConfig config = RunConfig.builder()
                .transports(cells.isEmpty() ? List.of("tcp")
                        : cells.stream().map(CellResult::transport).distinct().toList())
                .variants(variants)
                .sizes(cells.isEmpty() ? List.of(64) : cells.stream().map(CellResult::size).distinct().toList())
                .intervalMillis(INTERVAL_MILLIS)
                .outputDirectory("synthetic")
                .build();
        Environment environment = new Environment("testbox", "6.1.0-test", "Test CPU", 2, "Test", "17.0.0", List.of(),
                "0.1", null, Map.of("net.core.rmem_default", 212992), 65536, "tsc", null);
        List<CellResult> measured = new ArrayList<>(cells);
        if (firstCanaryNs > 0) {
            for (int i = 0; i < measured.size(); i++) {
                double step = (lastCanaryNs - firstCanaryNs) / Math.max(1, measured.size() - 1);
                long ns = Math.round(firstCanaryNs + step * i);
                measured.set(i, measured.get(i).withCanary(new Canary(ns, ns)));
            }
        }
        return RunResult.of("synthetic", "2026-11-21T10:00:00Z", finished ? "2026-11-21T10:01:00Z" : null, config,
                new Calibration(20, 20, 10), environment, measured, probes);
    }

    /** Writes run.json beside the logs and returns the folder. */
    Path write() throws IOException {
        RunFolder.write(folder, build());
        return folder;
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
