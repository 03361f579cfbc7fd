package io.ipcbench.runner;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.ipcbench.box.CellMeter;
import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerMain;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.Throughput;
import io.ipcbench.results.Warmup;
import io.ipcbench.transport.Connection;

/**
 * A throughput cell, one way: the peer sends as fast as it can on every connection, this side
 * receives ({@link ThroughputReceivers}). Warm-up first, then the measured part with a sample every
 * {@link #SAMPLE_MILLIS}; then the peer is told to stop, the channels drained, and the peer's count
 * of what it sent on each connection read from its report (a file: a channel that cannot lose it),
 * which gives the datagrams lost, or shows a byte stream that lost something.
 */
final class ThroughputCell implements CellKind {
    static final ThroughputCell KIND = new ThroughputCell();

    /** Throughput is sampled this often for its time series. */
    static final long SAMPLE_MILLIS = 100;
    /** A cell's end: the peer told to stop, the channels drained, its report read. */
    static final Duration STOP = Duration.ofMillis(300);
    private static final long DRAIN_STEP_NANOS = 50_000_000;

    private ThroughputCell() {
    }

    @Override
    public PeerRole peerRole() {
        return PeerRole.SOURCE;
    }

    @Override
    public List<Integer> sizes(RunConfig config) {
        return config.throughputSizes();
    }

    @Override
    public long clientBufferBytes(int connections, int size) {
        return ThroughputReceivers.bufferBytes(connections, size);
    }

    @Override
    public Duration measuredTime(RunConfig config, int size) {
        return Duration.ofMillis(config.throughputMillis()).plus(STOP);
    }

    @Override
    public CellRecord newRecord(CellPlan.Cell planned) {
        CellRecord record = new CellRecord(planned);
        record.throughput = Throughput.of(0, 0, 0, List.of());
        return record;
    }

    @Override
    public void measure(CellRecord record, PeerSession session, CellContext context) throws IOException {
        RunConfig config = context.config();
        List<Connection> connections = session.connections();
        PeerHandle peer = session.peer();
        boolean datagrams = record.planned.transport().preservesBoundaries();
        try (ThroughputReceivers receivers = new ThroughputReceivers(connections, context.clock(),
                record.planned.size(), datagrams);
             PeerWatchdog watchdog = new PeerWatchdog(peer, receivers::messages, config.peerTimeoutMillis(),
                     receivers::requestStop)) {
            try {
                long warmupStart = System.nanoTime();
                long warmupCount = 0;
                if (context.warmsUp()) {
                    long before = receivers.messages();
                    context.onMeasuringThread(() -> receiveWhileOpen(receivers,
                            CellContext.limit(config.warmupIterations()), context.deadline(config.warmupMillis())));
                    warmupCount = receivers.messages() - before;
                }
                record.warmup = new Warmup(warmupCount, (System.nanoTime() - warmupStart) / 1e9, 0);
                watchdog.checkAlive();

                CellMeter meter = CellMeter.start(config.pin(), peer.pid());
                ThroughputSampler sampler = ThroughputSampler.start(receivers, SAMPLE_MILLIS);
                try {
                    context.onMeasuringThread(() -> receiveWhileOpen(receivers, Long.MAX_VALUE,
                            context.deadline(config.throughputMillis())));
                } finally {
                    record.throughput = sampler.finish();
                    record.box = meter.stop();
                }
                watchdog.checkAlive();

                peer.requestStop();
                // A pipe peer's "stop" is the end of its standard input, which this side also holds.
                connections.forEach(Connection::closeOutput);
                context.onMeasuringThread(() -> drain(receivers, peer, record.planned.transport().connectionless(),
                        record, context));
                peer.close();
                record.errors = receivers.integrityErrors();
                account(record, readSourceReport(session.directory(), connections.size()), receivers);
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
        boolean datagrams = record.planned.transport().preservesBoundaries();
        long sentTotal = 0;
        long arrivedTotal = 0;
        long duplicated = 0;
        long reordered = 0;
        for (int i = 0; i < sent.length; i++) {
            ThroughputReceiver receiver = receivers.receiver(i);
            long arrived = receiver.distinctMessages();
            if (!datagrams && sent[i] != arrived) {
                // A byte stream loses nothing: a difference is a fault of the channel or of this tool.
                record.failure = "the peer sent " + sent[i] + " messages on connection " + i + " but " + arrived
                        + " arrived";
            }
            sentTotal += sent[i];
            arrivedTotal += arrived;
            duplicated += receiver.duplicated();
            reordered += receiver.reordered();
        }
        if (datagrams) {
            record.datagrams = new DatagramCounts(sentTotal, arrivedTotal, Math.max(0, sentTotal - arrivedTotal),
                    duplicated, reordered, 0);
        }
    }

    /** Receives; before the peer is told to stop, a connection's end means the peer went away. */
    private static Void receiveWhileOpen(ThroughputReceivers receivers, long maxMessages, long deadlineNanos)
            throws IOException {
        if (!receivers.run(maxMessages, deadlineNanos)) {
            throw new EOFException("the peer closed its connections in the middle of the cell");
        }
        return null;
    }

    /**
     * Takes in what the stopped peer still sends, until the end of every connection or, on
     * connectionless sockets, which have no end, until the peer has exited and nothing more comes.
     * A connection's end comes after all that was sent on it, however slowly that trickles in:
     * {@link DrainWatch} says when it has gone wrong instead.
     */
    private static Void drain(ThroughputReceivers receivers, PeerHandle peer, boolean connectionless,
                              CellRecord record, CellContext context) throws IOException {
        DrainWatch watch = new DrainWatch(receivers.messages(), receivers.bytes(),
                DrainWatch.inFlightBound(receivers.size(), record.planned.size(), DrainWatch.largestSocketBuffer()),
                context.config().peerTimeoutMillis(), System.nanoTime());
        while (true) {
            long before = receivers.messages();
            boolean open = receivers.run(Long.MAX_VALUE, context.clock().nanoTime() + DRAIN_STEP_NANOS);
            if (!open || (connectionless && receivers.messages() == before && !peer.isAlive())) {
                return null;
            }
            String failure = watch.check(receivers.messages(), receivers.bytes(), System.nanoTime());
            if (failure != null) {
                throw new IOException(failure);
            }
        }
    }

    /** What the peer sent on each connection, as its report says. */
    private static long[] readSourceReport(Path privateDirectory, int connections) throws IOException {
        Path report = privateDirectory.resolve(PeerMain.SOURCE_REPORT);
        try {
            List<String> lines = Files.readAllLines(report);
            if (lines.size() != connections) {
                throw new IOException("the peer's report of what it sent has " + lines.size() + " lines for "
                        + connections + " connections");
            }
            long[] sent = new long[connections];
            for (int i = 0; i < connections; i++) {
                sent[i] = Long.parseLong(lines.get(i).trim().split(" ")[0]);
            }
            return sent;
        } catch (NoSuchFileException e) {
            throw new IOException("the peer left no report of what it sent, so losses cannot be counted");
        } catch (RuntimeException e) {
            throw new IOException("the peer's report of what it sent is unreadable: " + e.getMessage());
        }
    }
}
