package io.ipcbench.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.ipcbench.box.CellMeter;
import io.ipcbench.config.RunConfig;
import io.ipcbench.os.TimerSlack;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.OfferedLoad;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.Warmup;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import org.HdrHistogram.Histogram;

/**
 * A rate cell: round trips at an offered rate with an echoing peer ({@link RateLoop}), timed from
 * each message's intended send and from its actual send, both into the cell's interval log, tagged.
 * A rate given as a percentage is taken of the round trips per second of the closed-loop latency
 * cell of the same transport, engine, size and connections in the same repetition, which the plan
 * runs first.
 *
 * <p>The warm-up runs the same schedule at the same rate, unrecorded, in short calls so that the
 * JIT compiles the loop's method itself, and ends with the replies in flight taken in; the measured
 * part then starts a schedule of its own, so that the gap between the two (the interval log's start,
 * the CPU meter) is not counted as a stall of the sender. The measuring thread's timer slack is set
 * to {@link #TIMER_SLACK_NANOS} for the cell, so that its timed waits end when asked.
 */
final class RateCell implements CellKind {
    static final RateCell KIND = new RateCell();

    /** The measuring thread's timer slack during a rate cell; the kernel's default of 50 µs would make each timed wait up to that late. */
    static final long TIMER_SLACK_NANOS = 1_000;
    /** Warm-up calls the loop for this long at a time, so that it is compiled as a method, not only on stack. */
    static final long WARM_UP_CALL_NANOS = 1_000_000;
    /** Warm-up takes its recorders' interval histograms every this many calls, as the interval log does. */
    static final int WARM_UP_CALLS_PER_INTERVAL = 100;
    /** Taking in the replies still in flight when a phase's schedule ends, as it usually goes: a few round trips. */
    static final Duration DRAIN = Duration.ofMillis(50);

    private RateCell() {
    }

    @Override
    public PeerRole peerRole() {
        return PeerRole.ECHO;
    }

    @Override
    public List<Integer> sizes(RunConfig config) {
        return config.rateSizes();
    }

    @Override
    public List<Integer> connections(RunConfig config) {
        return config.rateConnections();
    }

    @Override
    public boolean measures(RunConfig config, String transport) {
        return !config.rates().isEmpty()
                && (config.rateTransports().isEmpty() || config.rateTransports().contains(transport));
    }

    @Override
    public List<RequestedRate> rates(RunConfig config) {
        return config.rates();
    }

    /**
     * The rate loop waits for replies and for the next due time in one {@code epoll_pwait2} over
     * every connection's descriptors; a transport without one (shm's rings in shared memory) would
     * need a loop of its own that polls each ring and the clock in turn.
     */
    @Override
    public String whyNotFor(TransportKind transport) {
        return transport.kernelPath() ? null : "the rate loop waits on epoll over file descriptors, and "
                + transport.label() + " has none: a loop that polls the rings and the clock in turn would be a design "
                + "of its own";
    }

    @Override
    public String whyNotOn(Engine engine) {
        return engine.whyNotPolled();
    }

    @Override
    public long clientBufferBytes(int connections, int size) {
        return RateLoop.bufferBytes(connections, size);
    }

    /** A warm-up given as a time lasts that long; one given as a count, at most as long as the measured part. */
    @Override
    public Duration warmUpTime(RunConfig config, int size) {
        return Duration.ofMillis(config.warmupMillis() > 0 ? config.warmupMillis() : config.rateMillis())
                .plus(DRAIN);
    }

    @Override
    public Duration measuredTime(RunConfig config, int size) {
        return Duration.ofMillis(config.rateMillis()).plus(DRAIN);
    }

    @Override
    public CellRecord newRecord(CellPlan.Cell planned) {
        CellRecord record = new CellRecord(planned);
        record.rate = OfferedLoad.asked(planned.rate());
        return record;
    }

    @Override
    public void measure(CellRecord record, PeerSession session, CellContext context) throws IOException {
        RunConfig config = context.config();
        CellPlan.Cell planned = record.planned;
        RequestedRate requested = planned.rate();
        Double closedLoop = null;
        if (requested.relative()) {
            CellResult reference = closedLoopOf(planned, context.finished());
            if (reference == null || !reference.ok() || reference.roundTripsPerSec() <= 0) {
                record.failure = requested.text() + " of the closed-loop maximum needs the closed-loop cell of "
                        + planned.closedLoopReference().describe() + ", which "
                        + (reference == null ? "did not run before it" : "measured no rate: "
                        + (reference.ok() ? "no round trips" : reference.error()));
                return;
            }
            closedLoop = reference.roundTripsPerSec();
        }
        double target = requested.perSecondOf(closedLoop == null ? 0 : closedLoop);
        record.rate = new OfferedLoad(requested, closedLoop, target, 0, 0, false, LatencySummary.EMPTY);
        List<Connection> connections = session.connections();
        long receiveTimeoutNanos = config.receiveTimeoutMillis() * 1_000_000L;
        long previousSlack = context.onMeasuringThread(() -> TimerSlack.set(TIMER_SLACK_NANOS));
        try (RateLoop loop = RateLoop.over(connections, context.clock(), planned.size(),
                planned.transport().preservesBoundaries(), receiveTimeoutNanos, target);
             PeerWatchdog watchdog = new PeerWatchdog(session.peer(), loop::replies, config.peerTimeoutMillis(),
                     loop::requestStop)) {
            try {
                warmUp(record, loop, context);
                watchdog.checkAlive();
                measureSchedule(record, loop, session, context, closedLoop, target);
                watchdog.checkAlive();
            } finally {
                record.watchdogVerdict = watchdog.verdict();
            }
        } finally {
            context.onMeasuringThread(() -> TimerSlack.set(previousSlack));
        }
        if (record.errors.total() > 0) {
            record.failure = record.errors.total() + " replies failed the integrity check " + record.errors;
        } else if (record.latency.count() == 0) {
            record.failure = "no reply was received";
        }
    }

    /** The measured part: a schedule of its own, then the replies still in flight, all into the interval log. */
    private static void measureSchedule(CellRecord record, RateLoop loop, PeerSession session, CellContext context,
                                        Double closedLoop, double target) throws IOException {
        RunConfig config = context.config();
        CellPlan.Cell planned = record.planned;
        String logName = RunFolder.logFileName(planned.transportName(), planned.engine().label(), planned.size(),
                planned.connections(), planned.mode().withRate(planned.rate()), planned.repetition(),
                config.link().labelFor(planned.transport()));
        IntervalLogger logger = IntervalLogger.startTagged(context.folder().resolve(logName), "ipcbench "
                        + planned.describe() + ", " + String.format(Locale.ROOT, "%.0f", target)
                        + " round trips/s, placement " + config.pin(), config.intervalMillis(),
                List.of(RunFolder.CORRECTED_TAG, RunFolder.RAW_TAG));
        RecorderSink corrected = logger.sink(RunFolder.CORRECTED_TAG);
        RecorderSink raw = logger.sink(RunFolder.RAW_TAG);
        long spanNanos = config.rateMillis() * 1_000_000L;
        // What the schedule's span came to: replies within it, and messages due in it but not sent.
        long[] completedAndBehind = new long[2];
        CellMeter meter = CellMeter.start(config.pin(), session.peer().pid());
        try {
            context.onMeasuringThread(() -> {
                loop.startSchedule();
                long end = loop.scheduleStart() + spanNanos;
                completedAndBehind[0] = loop.advance(corrected, raw, end);
                completedAndBehind[1] = loop.behind(end);
                return loop.drain(corrected, raw, context.clock().nanoTime() + drainNanos(config));
            });
        } finally {
            record.box = meter.stop();
            List<Histogram> perConnection = planned.connections() > 1 ? List.of(loop.perConnection()) : List.of();
            List<Histogram> totals = logger.finishAll(perConnection);
            record.latency = LatencySummary.of(totals.get(0));
            record.histogramLog = logName;
            record.rate = OfferedLoad.measured(planned.rate(), closedLoop, target, completedAndBehind[0],
                    spanNanos / 1e9, completedAndBehind[1], planned.connections(), LatencySummary.of(totals.get(1)));
            record.roundTripsPerSec = record.rate.achievedPerSec();
            record.perConnectionP99 = planned.connections() > 1 ? LatencyCell.spreadOfP99(perConnection) : null;
            record.datagrams = loop.datagramCounts();
            record.errors = loop.integrityErrors();
        }
        if (!loop.stopRequested() && loop.inFlight() > 0) {
            record.failure = loop.inFlight() + " messages were still unanswered " + drainNanos(config) / 1_000_000
                    + " ms after the schedule ended";
        }
    }

    /** Warm-up at the target rate, unrecorded: as long as configured, or a count of round trips within the measured part's length. */
    private static void warmUp(CellRecord record, RateLoop loop, CellContext context) throws IOException {
        RunConfig config = context.config();
        long start = System.nanoTime();
        long count = 0;
        Histogram warmup = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS, IntervalLogger.SIGNIFICANT_DIGITS);
        if (context.warmsUp()) {
            long maxRoundTrips = CellContext.limit(config.warmupIterations());
            long millis = config.warmupMillis() > 0 ? config.warmupMillis() : config.rateMillis();
            count = context.onMeasuringThread(() -> {
                RecorderSink corrected = new RecorderSink(IntervalLogger.newRecorder());
                RecorderSink raw = new RecorderSink(IntervalLogger.newRecorder());
                NanoClock clock = context.clock();
                loop.startSchedule();
                long end = loop.scheduleStart() + millis * 1_000_000L;
                long recorded = 0;
                Histogram interval = null;
                Histogram rawInterval = null;
                for (long call = 1; recorded < maxRoundTrips && !loop.stopRequested()
                        && clock.nanoTime() - end < 0; call++) {
                    recorded += loop.advance(corrected, raw, Math.min(end, clock.nanoTime() + WARM_UP_CALL_NANOS));
                    if (call % WARM_UP_CALLS_PER_INTERVAL == 0) {
                        interval = corrected.recorder().getIntervalHistogram(interval);
                        rawInterval = raw.recorder().getIntervalHistogram(rawInterval);
                        warmup.add(interval);
                    }
                }
                recorded += loop.drain(corrected, raw, clock.nanoTime() + drainNanos(config));
                warmup.add(corrected.recorder().getIntervalHistogram(interval));
                return recorded;
            });
        }
        record.warmup = new Warmup(count, (System.nanoTime() - start) / 1e9,
                warmup.getTotalCount() == 0 ? 0 : warmup.getValueAtPercentile(50));
    }

    /**
     * The longest the replies still in flight at the end of a schedule are waited for: as long as a
     * peer may be silent (an overloaded one answers a full window late; a hung one the watchdog
     * kills first). Datagrams unanswered for the receive timeout are cut off before.
     */
    private static long drainNanos(RunConfig config) {
        return config.peerTimeoutMillis() * 1_000_000L;
    }

    /**
     * The closed-loop cell a rate cell's percentage is taken of, among the cells the run has finished:
     * the latency cell of its transport, engine, size, connections and repetition; null if none ran.
     */
    static CellResult closedLoopOf(CellPlan.Cell planned, List<CellResult> finished) {
        for (CellResult cell : finished) {
            if (cell.cellMode() == CellMode.LATENCY && cell.transportName().equals(planned.transportName())
                    && planned.engine().label().equals(cell.engine()) && cell.size() == planned.size()
                    && cell.connections() == planned.connections() && cell.repetition() == planned.repetition()) {
                return cell;
            }
        }
        return null;
    }
}
