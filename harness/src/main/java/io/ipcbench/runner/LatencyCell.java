package io.ipcbench.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.ipcbench.box.CellMeter;
import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.Spread;
import io.ipcbench.results.Warmup;
import io.ipcbench.transport.Connection;
import org.HdrHistogram.Histogram;

/**
 * A latency cell: ping-pong with an echoing peer, over one connection ({@link OneConnectionLoop}) or
 * many ({@link ManyConnectionLoop}). Warm-up, then measurement into the cell's interval log, to which
 * each connection's own histogram is appended. What was measured is kept, even if the cell then fails.
 */
final class LatencyCell implements CellKind {
    static final LatencyCell KIND = new LatencyCell();

    private LatencyCell() {
    }

    @Override
    public PeerRole peerRole() {
        return PeerRole.ECHO;
    }

    @Override
    public List<Integer> sizes(RunConfig config) {
        return config.sizes();
    }

    @Override
    public long clientBufferBytes(int connections, int size) {
        return connections > 1 ? ManyConnectionLoop.bufferBytes(connections, size)
                : OneConnectionLoop.bufferBytes(size);
    }

    @Override
    public Duration measuredTime(RunConfig config, int size) {
        return RunEstimate.phase(config.iterations(), config.durationMillis(), size);
    }

    @Override
    public void measure(CellRecord record, PeerSession session, CellContext context) throws IOException {
        RunConfig config = context.config();
        CellPlan.Cell planned = record.planned;
        List<Connection> connections = session.connections();
        boolean datagrams = planned.transport().preservesBoundaries();
        ManyConnectionLoop many = connections.size() > 1 ? new ManyConnectionLoop(connections, context.clock(),
                planned.size(), datagrams, config.receiveTimeoutMillis() * 1_000_000L) : null;
        try (RoundTripLoop loop = many != null ? many
                : new OneConnectionLoop(connections.get(0), context.clock(), planned.size(), datagrams);
             PeerWatchdog watchdog = new PeerWatchdog(session.peer(), loop::replies, config.peerTimeoutMillis(),
                     loop::requestStop)) {
            try {
                warmUp(record, loop, context);
                watchdog.checkAlive();
                loop.resetCounts();

                String logName = RunFolder.logFileName(planned.transportName(), planned.engine().label(),
                        planned.size(), planned.connections(), planned.mode().label(), planned.repetition());
                IntervalLogger logger = IntervalLogger.start(context.folder().resolve(logName), "ipcbench "
                        + planned.describe() + " latency placement " + config.pin(), config.intervalMillis());
                CellMeter meter = CellMeter.start(config.pin(), session.peer().pid());
                long measureStart = System.nanoTime();
                try {
                    context.onMeasuringThread(() -> loop.run(logger.sink(), CellContext.limit(config.iterations()),
                            context.deadline(config.durationMillis())));
                } finally {
                    double measuredSeconds = (System.nanoTime() - measureStart) / 1e9;
                    record.box = meter.stop();
                    List<Histogram> perConnection = many != null ? List.of(many.perConnection()) : List.of();
                    record.latency = LatencySummary.of(logger.finish(perConnection));
                    record.histogramLog = logName;
                    record.roundTripsPerSec = measuredSeconds > 0 ? record.latency.count() / measuredSeconds : 0;
                    record.perConnectionP99 = many != null ? spreadOfP99(perConnection) : null;
                    record.datagrams = loop.datagramCounts();
                    record.errors = loop.integrityErrors();
                }
                watchdog.checkAlive();
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

    /** Warm-up, counted and timed, its round trips' median kept; see {@link WarmUp} for how it warms. */
    private static void warmUp(CellRecord record, RoundTripLoop loop, CellContext context) throws IOException {
        RunConfig config = context.config();
        Histogram warmup = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS, IntervalLogger.SIGNIFICANT_DIGITS);
        long start = System.nanoTime();
        long count = 0;
        if (context.warmsUp()) {
            count = context.onMeasuringThread(() -> WarmUp.run(loop, CellContext.limit(config.warmupIterations()),
                    context.deadline(config.warmupMillis()), context.clock(), warmup));
        }
        record.warmup = new Warmup(count, (System.nanoTime() - start) / 1e9,
                warmup.getTotalCount() == 0 ? 0 : warmup.getValueAtPercentile(50));
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
}
