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
import java.util.function.BiFunction;

import io.ipcbench.box.CellMeter;
import io.ipcbench.config.RunConfig;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerMain;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.results.Calibration;
import io.ipcbench.results.Canary;
import io.ipcbench.results.Throughput;
import io.ipcbench.results.Spread;
import io.ipcbench.results.SocketBuffers;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.Environment;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.Placement;
import io.ipcbench.results.ProbeResults;
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
    /** Throughput is sampled this often for its time series. */
    static final long THROUGHPUT_SAMPLE_MILLIS = 100;
    private static final long DRAIN_STEP_NANOS = 50_000_000;

    private final RunConfig config;
    private final BiFunction<TransportKind, Engine, Transport> transports;
    private final PeerLauncher launcher;
    private final NanoClock clock;
    private final RunListener listener;
    private final ExecutorService measuringThread;

    public PingPongRunner(RunConfig config, BiFunction<TransportKind, Engine, Transport> transports, PeerLauncher launcher,
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
        return run(folder, id, CellPlan.of(config));
    }

    /** Runs every cell of {@code plan}, made from this runner's configuration, and saves the run in {@code folder}. */
    public RunResult run(Path folder, String id, CellPlan plan) throws IOException {
        String startedAt = Instant.now().toString();
        if (config.pin().pinned()) {
            onMeasuringThread(() -> {
                CpuAffinity.pinCurrentThread(config.pin().client());
                return null;
            });
        }
        Calibration calibration = onMeasuringThread(() -> Calibrator.calibrate(clock));
        listener.calibrated(calibration);
        Environment environment = EnvironmentProbe.capture(config.pin(), launcher.jvmFlags());
        listener.environmentRead(environment);

        plan.skipped().forEach(listener::skipped);
        plan.tooLarge().forEach(listener::skipped);
        List<CellResult> cells = new ArrayList<>();
        int total = plan.cells().size();
        int index = 0;
        try (BoxCanary canary = config.canary() ? BoxCanary.start(config.pin()) : null) {
            for (CellPlan.Cell planned : plan.cells()) {
                index++;
                listener.cellStarting(index, total, planned.describe());
                Long before = canary == null ? null : onMeasuringThread(canary::measure);
                CellResult cell = runCell(planned, folder);
                if (canary != null) {
                    cell = cell.withCanary(new Canary(before, onMeasuringThread(canary::measure)));
                }
                cells.add(cell);
                RunFolder.write(folder, RunResult.of(id, startedAt, null, config, calibration, environment, cells,
                        ProbeResults.NONE));
                listener.cellFinished(index, total, cell);
            }
        }
        RunResult run = RunResult.of(id, startedAt, Instant.now().toString(), config, calibration, environment, cells,
                ProbeResults.NONE);
        RunFolder.write(folder, run);
        return run;
    }

    /** The role of a cell's peer: the echo of a latency cell, the source of a throughput cell. */
    static PeerRole peerRole(CellPlan.Cell cell) {
        return RunConfig.MODE_THROUGHPUT.equals(cell.mode()) ? PeerRole.SOURCE : PeerRole.ECHO;
    }

    /** What the message buffers of a cell take on this side: those of the loop {@link #runCell} gives it. */
    static long clientBufferBytes(CellPlan.Cell cell) {
        if (RunConfig.MODE_THROUGHPUT.equals(cell.mode())) {
            return ThroughputReceivers.bufferBytes(cell.connections(), cell.size());
        }
        return cell.connections() > 1 ? ManyConnectionLoop.bufferBytes(cell.connections(), cell.size())
                : OneConnectionLoop.bufferBytes(cell.size());
    }

    /** One cell, with a fresh private directory and peer. Never throws for the cell's own failures. */
    CellResult runCell(CellPlan.Cell planned, Path folder) throws IOException {
        TransportKind kind = planned.transport();
        boolean throughput = RunConfig.MODE_THROUGHPUT.equals(planned.mode());
        CellRecord record = new CellRecord(planned, throughput ? null
                : RunFolder.logFileName(planned.transportName(), planned.engine().label(), planned.size(),
                        planned.connections(), planned.mode(), planned.repetition()));
        try (PrivateDirectory directory = PrivateDirectory.create()) {
            TransportOptions options = new TransportOptions(directory.path(), planned.size(), config.tcpNoDelay(),
                    config.bindHost(), connectTimeout(),
                    Duration.ofMillis(config.receiveTimeoutMillis()), config.sendBufferBytes(),
                    config.receiveBufferBytes(), planned.variant());
            Transport transport = transports.apply(kind, planned.engine());
            List<Listener> listeners = new ArrayList<>();
            try {
                // Datagram sockets pair up one to one: a listener per connection. A listening socket takes them all.
                int listenerCount = kind.connectionless() ? planned.connections() : 1;
                for (int i = 0; i < listenerCount; i++) {
                    listeners.add(transport.listen(options));
                }
                String address = String.join(PeerSpec.ADDRESS_SEPARATOR, listeners.stream().map(Listener::address).toList());
                PeerSpec spec = new PeerSpec(kind, planned.engine(), address, options, config.pin().peer(),
                        config.peerDelayMicros(), peerRole(planned), planned.connections());
                try (PeerHandle peer = launcher.launch(spec, transport.usesPeerStdio())) {
                    List<Connection> connections = new ArrayList<>();
                    try {
                        for (int i = 0; i < planned.connections(); i++) {
                            connections.add(listeners.get(Math.min(i, listenerCount - 1)).accept(peer.pid()));
                        }
                        record.bufferSizes = connections.get(0).bufferSizes();
                        if (throughput) {
                            measureThroughput(record, connections, peer, directory.path());
                        } else {
                            measure(record, connections, peer, folder);
                        }
                    } catch (IOException | RuntimeException e) {
                        record.failure = explain(e, peer, record.watchdogVerdict);
                    } finally {
                        connections.forEach(Connection::close);
                    }
                }
            } finally {
                listeners.forEach(Listener::close);
            }
        } catch (IOException | RuntimeException e) {
            if (record.failure == null) {
                record.failure = describe(e);
            }
        }
        return record.toResult();
    }

    /** Waiting for a peer to start and connect: at least the default, since a loaded box starts JVMs slowly. */
    private Duration connectTimeout() {
        Duration peerTimeout = Duration.ofMillis(config.peerTimeoutMillis());
        return peerTimeout.compareTo(TransportOptions.DEFAULT_CONNECT_TIMEOUT) > 0 ? peerTimeout
                : TransportOptions.DEFAULT_CONNECT_TIMEOUT;
    }


    /**
     * Warm-up, then measurement into the cell's interval log, over one connection or many (each
     * connection's own histogram is appended to the log). What was measured is kept, even if the
     * cell then fails.
     */
    private void measure(CellRecord record, List<Connection> connections, PeerHandle peer, Path folder)
            throws IOException {
        boolean datagrams = record.kind.preservesBoundaries();
        ManyConnectionLoop many = connections.size() > 1 ? new ManyConnectionLoop(connections, clock, record.size,
                datagrams, config.receiveTimeoutMillis() * 1_000_000L) : null;
        try (RoundTripLoop loop = many != null ? many
                : new OneConnectionLoop(connections.get(0), clock, record.size, datagrams);
             PeerWatchdog watchdog = new PeerWatchdog(peer, loop::replies, config.peerTimeoutMillis(),
                     loop::requestStop)) {
            try {
                Histogram warmup = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS,
                        IntervalLogger.SIGNIFICANT_DIGITS);
                long warmupStart = System.nanoTime();
                if (warmsUp()) {
                    record.warmupCount = onMeasuringThread(() -> loop.run(
                            nanos -> warmup.recordValue(Math.min(nanos, IntervalLogger.HIGHEST_TRACKABLE_NANOS)),
                            limit(config.warmupIterations()), deadline(config.warmupMillis())));
                }
                record.warmup = new Warmup(record.warmupCount, (System.nanoTime() - warmupStart) / 1e9,
                        warmup.getTotalCount() == 0 ? 0 : warmup.getValueAtPercentile(50));
                checkAlive(watchdog);
                loop.resetCounts();

                IntervalLogger logger = IntervalLogger.start(folder.resolve(record.logName), "ipcbench "
                        + record.planned.describe() + " latency placement " + config.pin(), config.intervalMillis());
                CellMeter meter = CellMeter.start(config.pin(), peer.pid());
                long measureStart = System.nanoTime();
                try {
                    onMeasuringThread(() -> loop.run(logger.sink(), limit(config.iterations()),
                            deadline(config.durationMillis())));
                } finally {
                    record.measuredSeconds = (System.nanoTime() - measureStart) / 1e9;
                    record.box = meter.stop();
                    List<Histogram> perConnection = many != null ? List.of(many.perConnection()) : List.of();
                    record.latency = LatencySummary.of(logger.finish(perConnection));
                    record.logWritten = true;
                    record.perConnectionP99 = many != null ? spreadOfP99(perConnection) : null;
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

    /** The best, median and worst of the connections' p99 (connections that recorded nothing left out). */
    static Spread spreadOfP99(List<Histogram> perConnection) {
        long[] p99 = perConnection.stream().filter(h -> h.getTotalCount() > 0)
                .mapToLong(h -> h.getValueAtPercentile(99)).sorted().toArray();
        if (p99.length == 0) {
            return null;
        }
        return new Spread(p99[0], p99[p99.length / 2], p99[p99.length - 1]);
    }

    /**
     * One-way throughput: the peer sends as fast as it can on every connection, this side receives.
     * Warm-up first, then the measured part with a sample every {@link #THROUGHPUT_SAMPLE_MILLIS};
     * then the peer is told to stop, the channels drained, and the peer's count of what it sent on
     * each connection read from its report (a file: a channel that cannot lose it), which gives the
     * datagrams lost, or shows a byte stream that lost something.
     */
    private void measureThroughput(CellRecord record, List<Connection> connections, PeerHandle peer,
                                   Path privateDirectory) throws IOException {
        try (ThroughputReceivers receivers = new ThroughputReceivers(connections, clock, record.size,
                record.kind.preservesBoundaries());
             PeerWatchdog watchdog = new PeerWatchdog(peer, receivers::messages, config.peerTimeoutMillis(),
                     receivers::requestStop)) {
            try {
                long warmupStart = System.nanoTime();
                if (warmsUp()) {
                    long before = receivers.messages();
                    onMeasuringThread(() -> receiveWhileOpen(receivers, limit(config.warmupIterations()),
                            deadline(config.warmupMillis())));
                    record.warmupCount = receivers.messages() - before;
                }
                record.warmup = new Warmup(record.warmupCount, (System.nanoTime() - warmupStart) / 1e9, 0);
                checkAlive(watchdog);

                CellMeter meter = CellMeter.start(config.pin(), peer.pid());
                ThroughputSampler sampler = ThroughputSampler.start(receivers, THROUGHPUT_SAMPLE_MILLIS);
                try {
                    onMeasuringThread(() -> receiveWhileOpen(receivers, Long.MAX_VALUE,
                            deadline(config.throughputMillis())));
                } finally {
                    record.throughput = sampler.finish();
                    record.box = meter.stop();
                }
                checkAlive(watchdog);

                peer.requestStop();
                // A pipe peer's "stop" is the end of its standard input, which this side also holds.
                connections.forEach(Connection::closeOutput);
                onMeasuringThread(() -> drain(receivers, peer, record.kind.connectionless()));
                peer.close();
                record.errors = receivers.integrityErrors();
                account(record, readSourceReport(privateDirectory, connections.size()), receivers);
            } finally {
                record.watchdogVerdict = watchdog.verdict();
            }
        }
        if (record.errors.total() > 0) {
            record.failure = record.errors.total() + " messages failed the integrity check " + record.errors;
        } else if (record.failure == null && record.throughput.messages() == 0) {
            record.failure = "no message arrived in the measured part";
        }
    }

    /** What was sent against what arrived, connection by connection. */
    private static void account(CellRecord record, long[] sent, ThroughputReceivers receivers) {
        long sentTotal = 0;
        long arrivedTotal = 0;
        long duplicated = 0;
        long reordered = 0;
        for (int i = 0; i < sent.length; i++) {
            ThroughputReceiver receiver = receivers.receiver(i);
            long arrived = receiver.distinctMessages();
            if (!record.kind.preservesBoundaries() && sent[i] != arrived) {
                // A byte stream loses nothing: a difference is a fault of the channel or of this tool.
                record.failure = "the peer sent " + sent[i] + " messages on connection " + i + " but " + arrived
                        + " arrived";
            }
            sentTotal += sent[i];
            arrivedTotal += arrived;
            duplicated += receiver.duplicated();
            reordered += receiver.reordered();
        }
        if (record.kind.preservesBoundaries()) {
            record.datagrams = new DatagramCounts(sentTotal, arrivedTotal, Math.max(0, sentTotal - arrivedTotal),
                    duplicated, reordered, 0);
        }
    }

    /** Receives; before the peer is told to stop, a connection's end means the peer went away. */
    private static Void receiveWhileOpen(ThroughputReceivers receivers, long maxMessages, long deadlineNanos)
            throws IOException {
        if (!receivers.run(maxMessages, deadlineNanos)) {
            throw new java.io.EOFException("the peer closed its connections in the middle of the cell");
        }
        return null;
    }

    /**
     * Takes in what the stopped peer still sends, until the end of every connection or, on
     * connectionless sockets, which have no end, until the peer has exited and nothing more comes.
     * A connection's end comes after all that was sent on it, however slowly that trickles in.
     */
    private Void drain(ThroughputReceivers receivers, PeerHandle peer, boolean connectionless) throws IOException {
        long giveUp = System.nanoTime() + config.peerTimeoutMillis() * 1_000_000L;
        while (System.nanoTime() < giveUp) {
            long before = receivers.messages();
            boolean open = receivers.run(Long.MAX_VALUE, clock.nanoTime() + DRAIN_STEP_NANOS);
            if (!open || (connectionless && receivers.messages() == before && !peer.isAlive())) {
                return null;
            }
        }
        throw new IOException("the peer did not stop sending within " + config.peerTimeoutMillis() + " ms of being told to");
    }

    /** What the peer sent on each connection, as its report says. */
    private static long[] readSourceReport(Path privateDirectory, int connections) throws IOException {
        Path report = privateDirectory.resolve(PeerMain.SOURCE_REPORT);
        try {
            List<String> lines = java.nio.file.Files.readAllLines(report);
            if (lines.size() != connections) {
                throw new IOException("the peer's report of what it sent has " + lines.size() + " lines for "
                        + connections + " connections");
            }
            long[] sent = new long[connections];
            for (int i = 0; i < connections; i++) {
                sent[i] = Long.parseLong(lines.get(i).trim().split(" ")[0]);
            }
            return sent;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the peer left no report of what it sent, so losses cannot be counted");
        } catch (RuntimeException e) {
            throw new IOException("the peer's report of what it sent is unreadable: " + e.getMessage());
        }
    }

    private boolean warmsUp() {
        return config.warmupIterations() > 0 || config.warmupMillis() > 0;
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
        final CellPlan.Cell planned;
        final TransportKind kind;
        final int size;
        final String logName;
        long warmupCount;
        Warmup warmup = new Warmup(0, 0, 0);
        LatencySummary latency = LatencySummary.EMPTY;
        boolean logWritten;
        DatagramCounts datagrams = new DatagramCounts(0, 0, 0, 0, 0, 0);
        IntegrityErrors errors = IntegrityErrors.NONE;
        Spread perConnectionP99;
        Throughput throughput;
        Connection.BufferSizes bufferSizes;
        String watchdogVerdict;
        String failure;
        double measuredSeconds;
        CellMeter.Stopped box;

        CellRecord(CellPlan.Cell planned, String logName) {
            this.planned = planned;
            this.kind = planned.transport();
            this.size = planned.size();
            this.logName = logName;
        }

        CellResult toResult() {
            boolean throughputMode = RunConfig.MODE_THROUGHPUT.equals(planned.mode());
            long messages = throughputMode ? (throughput != null ? throughput.messages() : 0) : latency.count();
            return new CellResult(kind.label(), planned.variant(), planned.engine().label(), planned.mode(), size,
                    planned.connections(), planned.repetition(), config.pin(),
                    failure == null ? CellResult.OK : CellResult.FAILED, failure,
                    warmup, latency, logWritten ? logName : null, kind.preservesBoundaries() ? datagrams : null, errors,
                    !throughputMode && measuredSeconds > 0 ? latency.count() / measuredSeconds : 0, perConnectionP99,
                    throughputMode ? (throughput != null ? throughput : Throughput.of(0, 0, 0, List.of())) : null,
                    bufferSizes == null ? null : new SocketBuffers(bufferSizes.send(), bufferSizes.receive()), null,
                    box == null ? null : box.cpuCost(messages), box == null ? null : box.load());
        }
    }
}
