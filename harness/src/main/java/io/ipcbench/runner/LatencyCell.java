package io.ipcbench.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * {@link ConnectCell} times its operations the same way, through {@link #measureRoundTrips}.
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
                : new OneConnectionLoop(connections.get(0), context.clock(), planned.size(), datagrams)) {
            measureRoundTrips(record, session, context, loop,
                    () -> many != null ? List.of(many.perConnection()) : List.of(), Map.of(), Long.MAX_VALUE);
        }
    }

    /**
     * Warms {@code loop} up, then measures it into the cell's interval log, and keeps what it measured
     * in {@code record} even when the cell then fails: what every cell that times round trips does,
     * over one connection, over many, or over connections dialled afresh (a connect cell).
     *
     * @param perConnection each connection's own histogram of the measured part, appended to the log
     *                      tagged {@code c0}, {@code c1}, ...; empty for a loop that keeps none
     * @param tagged        the series the loop records beside its round trips, by tag, and how the
     *                      loop is given each one's sink for the measured part
     * @param warmUpAtMost  the most round trips the warm-up takes, whatever the configuration asks
     * @return each tagged series' values over the measured part, by tag
     */
    static Map<String, Histogram> measureRoundTrips(CellRecord record, PeerSession session, CellContext context,
                                                    RoundTripLoop loop, Supplier<List<Histogram>> perConnection,
                                                    Map<String, Consumer<RecorderSink>> tagged, long warmUpAtMost)
            throws IOException {
        RunConfig config = context.config();
        CellPlan.Cell planned = record.planned;
        Map<String, Histogram> totals = new LinkedHashMap<>();
        try (PeerWatchdog watchdog = new PeerWatchdog(session.peer(), loop::replies, config.peerTimeoutMillis(),
                loop::requestStop)) {
            try {
                warmUp(record, loop, context, warmUpAtMost);
                watchdog.checkAlive();
                loop.resetCounts();

                String logName = RunFolder.logFileName(planned.transportName(), planned.engine().label(),
                        planned.size(), planned.connections(), planned.mode().label(), planned.repetition(),
                        config.link().labelFor(planned.transport()));
                List<String> tags = new ArrayList<>();
                tags.add(null);
                tags.addAll(tagged.keySet());
                IntervalLogger logger = IntervalLogger.startTagged(context.folder().resolve(logName), "ipcbench "
                        + planned.describe() + " " + planned.mode().label() + " placement " + config.pin(),
                        config.intervalMillis(), tags);
                tagged.forEach((tag, giveSink) -> giveSink.accept(logger.sink(tag)));
                CellMeter meter = CellMeter.start(config.pin(), session.peer().pid());
                long measureStart = System.nanoTime();
                try {
                    context.onMeasuringThread(() -> loop.run(logger.sink(), CellContext.limit(config.iterations()),
                            context.deadline(config.durationMillis())));
                } finally {
                    double measuredSeconds = (System.nanoTime() - measureStart) / 1e9;
                    record.box = meter.stop();
                    List<Histogram> connections = perConnection.get();
                    List<Histogram> series = logger.finishAll(connections);
                    record.latency = LatencySummary.of(series.get(0));
                    for (int i = 1; i < tags.size(); i++) {
                        totals.put(tags.get(i), series.get(i));
                    }
                    record.histogramLog = logName;
                    record.roundTripsPerSec = measuredSeconds > 0 ? record.latency.count() / measuredSeconds : 0;
                    record.perConnectionP99 = spreadOfP99(connections);
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
        return totals;
    }

    /** Warm-up, counted and timed, its round trips' median kept; see {@link WarmUp} for how it warms. */
    private static void warmUp(CellRecord record, RoundTripLoop loop, CellContext context, long atMost)
            throws IOException {
        RunConfig config = context.config();
        Histogram warmup = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS, IntervalLogger.SIGNIFICANT_DIGITS);
        long start = System.nanoTime();
        long count = 0;
        if (context.warmsUp()) {
            long limit = Math.min(CellContext.limit(config.warmupIterations()), atMost);
            count = context.onMeasuringThread(() -> WarmUp.run(loop, limit, context.deadline(config.warmupMillis()),
                    context.clock(), warmup));
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
