package io.ipcbench.runner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.ipcbench.config.RunConfig;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.results.Calibration;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.Environment;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.Placement;
import io.ipcbench.results.Probes;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.Warmup;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.HdrHistogram.Histogram;

/**
 * Owns a latency run from start to end: calibrate, then for every cell (transport × size ×
 * repetition) start a fresh peer, connect, warm up, measure into an interval log, stop the peer and
 * save. {@code run.json} is rewritten (atomically) after every cell, so an interrupted run leaves
 * a valid file with the cells it finished and no {@code finishedAt}.
 *
 * <p>Measurement runs on one dedicated thread, pinned to the client CPU when the run is pinned;
 * everything else (peer start, logging, the watchdog) runs on other threads, off that CPU.
 *
 * <p>A cell that fails (the peer dies or hangs, a reply is corrupt) is kept, marked failed with
 * what it recorded and why, and the sweep goes on.
 */
public final class PingPongRunner implements AutoCloseable {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final long PEER_EXIT_WAIT_MILLIS = 500;

    private final RunConfig config;
    private final Function<TransportKind, Transport> transports;
    private final PeerLauncher launcher;
    private final NanoClock clock;
    private final RunListener listener;
    private final ExecutorService measuringThread;

    public PingPongRunner(RunConfig config, Function<TransportKind, Transport> transports, PeerLauncher launcher,
                          NanoClock clock, RunListener listener) {
        this.config = config;
        this.transports = transports;
        this.launcher = launcher;
        this.clock = clock;
        this.listener = listener;
        this.measuringThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ipcbench-measure");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A run id from the time and host, e.g. {@code 20261121-231500-box}. */
    public static String newRunId(Instant now, String host) {
        return RUN_ID.format(now) + "-" + host;
    }

    /** Runs every cell of the configuration and saves the run in {@code folder}. */
    public RunResult run(Path folder, String id) throws IOException {
        String startedAt = Instant.now().toString();
        if (config.pin().pinned()) {
            onMeasuringThread(() -> {
                CpuAffinity.pinCurrentThread(config.pin().client());
                return null;
            });
        }
        Calibration calibration = onMeasuringThread(() -> Calibrator.calibrate(clock));
        listener.calibrated(calibration);
        Environment environment = EnvironmentProbe.capture();

        List<CellResult> cells = new ArrayList<>();
        int total = config.transports().size() * config.sizes().size() * config.repetitions();
        int index = 0;
        for (int repetition = 0; repetition < config.repetitions(); repetition++) {
            for (String transport : config.transports()) {
                for (int size : config.sizes()) {
                    index++;
                    listener.cellStarting(index, total, transport + ", " + size + " B"
                            + (config.repetitions() > 1 ? ", repetition " + (repetition + 1) : ""));
                    CellResult cell = runCell(TransportKind.fromLabel(transport), size, repetition, folder);
                    cells.add(cell);
                    RunFolder.write(folder, new RunResult(RunResult.SCHEMA, id, startedAt, null, config,
                            calibration, environment, cells, Probes.NONE, List.of()));
                    listener.cellFinished(index, total, cell);
                }
            }
        }
        RunResult run = new RunResult(RunResult.SCHEMA, id, startedAt, Instant.now().toString(), config,
                calibration, environment, cells, Probes.NONE, List.of());
        RunFolder.write(folder, run);
        return run;
    }

    /** One cell, with a fresh private directory and peer. Never throws for the cell's own failures. */
    CellResult runCell(TransportKind kind, int size, int repetition, Path folder) throws IOException {
        CellRecord record = new CellRecord(kind, size, repetition,
                RunFolder.logFileName(kind.label(), size, 1, RunConfig.MODE_LATENCY, repetition));
        try (PrivateDirectory directory = PrivateDirectory.create()) {
            TransportOptions options = new TransportOptions(directory.path(), size, config.tcpNoDelay(),
                    config.bindHost(), Duration.ofMillis(config.peerTimeoutMillis()),
                    Duration.ofMillis(config.receiveTimeoutMillis()), config.socketBufferBytes());
            Transport transport = transports.apply(kind);
            try (Listener transportListener = transport.listen(options);
                 PeerHandle peer = launcher.launch(new PeerSpec(kind, Engine.fromLabel(config.engine()),
                         transportListener.address(), options,
                         config.pin().peer(), config.peerDelayMicros()), transport.usesPeerStdio())) {
                try {
                    try (Connection connection = transportListener.accept(peer.pid())) {
                        measure(record, connection, peer, folder);
                    }
                } catch (IOException | RuntimeException e) {
                    record.failure = explain(e, peer, record.watchdogVerdict);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (record.failure == null) {
                record.failure = describe(e);
            }
        }
        return record.toResult();
    }

    private void measure(CellRecord record, Connection connection, PeerHandle peer, Path folder) throws IOException {
        RoundTripLoop loop = new RoundTripLoop(connection, clock, record.size, record.kind.preservesBoundaries());
        try (PeerWatchdog watchdog = new PeerWatchdog(peer, loop::replies, config.peerTimeoutMillis(),
                loop::requestStop)) {
            try {
                Histogram warmup = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS, IntervalLogger.SIGNIFICANT_DIGITS);
                long warmupStart = System.nanoTime();
                if (config.warmupIterations() > 0 || config.warmupMillis() > 0) {
                    record.warmupCount = onMeasuringThread(() -> loop.run(
                            nanos -> warmup.recordValue(Math.min(nanos, IntervalLogger.HIGHEST_TRACKABLE_NANOS)),
                            limit(config.warmupIterations()), deadline(config.warmupMillis())));
                }
                record.warmup = new Warmup(record.warmupCount, (System.nanoTime() - warmupStart) / 1e9,
                        warmup.getTotalCount() == 0 ? 0 : warmup.getValueAtPercentile(50));
                checkAlive(watchdog);
                loop.resetCounts();

                IntervalLogger logger = IntervalLogger.start(folder.resolve(record.logName),
                        "ipcbench " + record.kind.label() + " " + record.size + "B 1c latency placement "
                                + config.pin(), config.intervalMillis());
                long measureStart = System.nanoTime();
                try {
                    onMeasuringThread(() -> loop.run(logger.sink(), limit(config.iterations()),
                            deadline(config.durationMillis())));
                } finally {
                    record.measuredSeconds = (System.nanoTime() - measureStart) / 1e9;
                    // Whatever was measured is kept, even if the cell then failed.
                    record.latency = LatencySummary.of(logger.finish());
                    record.logWritten = true;
                    record.datagrams = loop.datagramCounts();
                    record.errors = loop.integrityErrors();
                }
                checkAlive(watchdog);
            } finally {
                record.watchdogVerdict = watchdog.verdict();
            }
        }
        if (record.errors.total() > 0) {
            record.failure = record.errors.total() + " replies failed the integrity check " + record.errors;
        } else if (record.latency.count() == 0) {
            record.failure = "no reply was received";
        }
    }

    private static void checkAlive(PeerWatchdog watchdog) throws IOException {
        if (watchdog.verdict() != null) {
            throw new IOException(watchdog.verdict());
        }
    }

    private static long limit(long iterations) {
        return iterations > 0 ? iterations : Long.MAX_VALUE;
    }

    /** A deadline on the measuring clock, read on the measuring thread when the phase starts. */
    private long deadline(long millis) {
        return millis > 0 ? clock.nanoTime() + millis * 1_000_000L : Long.MAX_VALUE;
    }

    /** Why a cell failed, in words: the watchdog's verdict, the peer's death, or the error itself. */
    private static String explain(Exception e, PeerHandle peer, String watchdogVerdict) {
        if (watchdogVerdict != null) {
            return watchdogVerdict;
        }
        long waitUntil = System.nanoTime() + PEER_EXIT_WAIT_MILLIS * 1_000_000L;
        // A dead peer shows first as end-of-file or a reset; give its exit a moment to be seen.
        while (peer.isAlive() && System.nanoTime() < waitUntil && e instanceof IOException) {
            Thread.onSpinWait();
        }
        if (!peer.isAlive()) {
            String words = peer.lastWords();
            return "the peer exited with code " + peer.exitCode().orElse(-1)
                    + (words.isEmpty() ? "" : " (it said: " + words + ")")
                    + " [" + describe(e) + "]";
        }
        return describe(e);
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private <T> T onMeasuringThread(Callable<T> task) throws IOException {
        Future<T> future = measuringThread.submit(task);
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public void close() {
        measuringThread.shutdownNow();
    }

    /** What a cell has gathered so far; whatever stage it fails at, this becomes its result. */
    private final class CellRecord {
        final TransportKind kind;
        final int size;
        final int repetition;
        final String logName;
        long warmupCount;
        Warmup warmup = new Warmup(0, 0, 0);
        LatencySummary latency = LatencySummary.EMPTY;
        boolean logWritten;
        DatagramCounts datagrams = new DatagramCounts(0, 0, 0, 0, 0);
        IntegrityErrors errors = IntegrityErrors.NONE;
        String watchdogVerdict;
        String failure;
        double measuredSeconds;

        CellRecord(TransportKind kind, int size, int repetition, String logName) {
            this.kind = kind;
            this.size = size;
            this.repetition = repetition;
            this.logName = logName;
        }

        CellResult toResult() {
            Placement placement = config.pin();
            return new CellResult(kind.label(), config.engine(), RunConfig.MODE_LATENCY, size, 1, repetition,
                    placement, failure == null ? CellResult.OK : CellResult.FAILED, failure, warmup, latency,
                    logWritten ? logName : null, kind.preservesBoundaries() ? datagrams : null, errors,
                    measuredSeconds > 0 ? latency.count() / measuredSeconds : 0, null, null, null);
        }
    }
}
