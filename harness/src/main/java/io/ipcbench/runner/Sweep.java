package io.ipcbench.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.results.Calibration;
import io.ipcbench.results.Canary;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.NetworkLink;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.Closer;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * A run from start to end: calibrate, read the box, then every cell of the plan in its order, each
 * over a fresh peer session with the box canary measured before and after it, then the claim probes
 * when the configuration asks for them. {@code run.json} is rewritten (atomically) after every
 * cell, so an interrupted run leaves a valid file with the cells it finished and no
 * {@code finishedAt}.
 *
 * <p>The sweep knows no mode: each cell's {@link CellKind} warms up and measures it, and whatever
 * stage a cell fails at (the peer dies or hangs, a reply is corrupt), what it recorded is kept,
 * marked failed with the reason, and the sweep goes on.
 *
 * <p>Everything measured runs on one {@link MeasuringThread}, pinned to the client CPU when the run
 * is pinned. The sweep prints nothing and never exits: it reports through its {@link RunListener}.
 */
public final class Sweep implements AutoCloseable {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The claim probes: run once the cells are done, when the configuration asks for them. */
    @FunctionalInterface
    public interface Probes {
        /** No probes: for runs that never ask for them. */
        Probes NONE = transports -> ProbeResults.NONE;

        ProbeResults run(List<TransportKind> transports);
    }

    private final RunConfig config;
    private final BiFunction<TransportKind, Engine, Transport> transports;
    private final PeerLauncher launcher;
    private final NanoClock clock;
    private final RunListener listener;
    private final Probes probes;
    private final NetworkLink link;
    private final MeasuringThread measuringThread = new MeasuringThread();

    /** A sweep on loopback. */
    public Sweep(RunConfig config, BiFunction<TransportKind, Engine, Transport> transports, PeerLauncher launcher,
                 NanoClock clock, RunListener listener, Probes probes) {
        this(config, transports, launcher, null, clock, listener, probes);
    }

    /**
     * @param launcher starts each peer; across a link, it starts the peer of tcp and udp cells in the
     *                 link's network namespace
     * @param link     the veth link tcp and udp cells cross ({@code --link netns}): their listeners bind
     *                 this side's address on it; null on loopback
     */
    public Sweep(RunConfig config, BiFunction<TransportKind, Engine, Transport> transports, PeerLauncher launcher,
                 NetworkLink link, NanoClock clock, RunListener listener, Probes probes) {
        this.link = link;
        this.config = config;
        this.transports = transports;
        this.launcher = launcher;
        this.clock = clock;
        this.listener = listener;
        this.probes = probes;
    }

    /** A run id from the time and host, e.g. {@code 20261121-231500-box}. */
    public static String newRunId(Instant now, String host) {
        return RUN_ID.format(now) + "-" + host;
    }

    private final Object saving = new Object();
    private boolean stopped;
    private int savedCells;

    /** Runs every cell of the configuration and saves the run in {@code folder}. */
    public RunResult run(Path folder, String id) throws IOException {
        return run(folder, id, CellPlan.of(config));
    }

    /** Runs every cell of {@code plan}, made from this sweep's configuration, and saves the run in {@code folder}. */
    public RunResult run(Path folder, String id, CellPlan plan) throws IOException {
        String startedAt = Instant.now().toString();
        if (config.pin().pinned()) {
            measuringThread.pin(config.pin().client());
        }
        Calibration calibration = measuringThread.call(() -> Calibrator.calibrate(clock));
        listener.calibrated(calibration);
        Environment environment = EnvironmentProbe.capture(config.pin(), launcher.jvmFlags()).withLink(link);
        listener.environmentRead(environment);
        plan.leftOut().forEach(listener::skipped);

        List<CellResult> cells = new ArrayList<>();
        CellContext context = new CellContext(config, clock, measuringThread, folder, Collections.unmodifiableList(cells));
        int total = plan.cells().size();
        try (BoxCanary canary = config.canary() ? BoxCanary.start(config.pin()) : null) {
            for (CellPlan.Cell planned : plan.cells()) {
                save(null, null);
                int index = cells.size() + 1;
                listener.cellStarting(index, total, planned.describe());
                Long before = canary == null ? null : measuringThread.call(canary::measure);
                CellResult cell = runCell(planned, context);
                if (canary != null) {
                    cell = cell.withCanary(new Canary(before, measuringThread.call(canary::measure)));
                }
                cells.add(cell);
                save(folder, RunResult.of(id, startedAt, null, config, calibration, environment, cells,
                        ProbeResults.NONE));
                listener.cellFinished(index, total, cell);
            }
        }
        RunResult run = RunResult.of(id, startedAt, Instant.now().toString(), config, calibration, environment, cells,
                ProbeResults.NONE);
        save(folder, run);
        if (config.probes()) {
            listener.probesStarting();
            run = run.withProbes(probes.run(config.transports().stream().map(TransportKind::fromLabel).toList()));
            save(folder, run);
        }
        return run;
    }

    /**
     * Stops the sweep where it is (Ctrl-C): nothing is saved after this returns, so run.json keeps
     * the cells finished before the interruption and none that failed because of it.
     */
    public void stop() {
        synchronized (saving) {
            stopped = true;
        }
    }

    /** How many cells run.json holds. */
    public int savedCells() {
        synchronized (saving) {
            return savedCells;
        }
    }

    /** Saves {@code run} (null: saves nothing, only checks) unless the sweep was stopped. */
    private void save(Path folder, RunResult run) throws IOException {
        synchronized (saving) {
            if (!stopped) {
                if (run != null) {
                    RunFolder.write(folder, run);
                    savedCells = run.cells().size();
                }
                return;
            }
        }
        // The JVM is shutting down: this thread waits for the halt, doing nothing more.
        while (true) {
            LockSupport.park(this);
        }
    }

    /** One cell, over a fresh peer session. Never throws for the cell's own failures: they are in its result. */
    private CellResult runCell(CellPlan.Cell planned, CellContext context) {
        CellKind kind = planned.kind();
        CellRecord record = kind.newRecord(planned);
        try (PeerSession session = PeerSession.with(transports.apply(planned.transport(), planned.engine()),
                        planned.engine(), directory -> transportOptions(directory, planned))
                .cpu(config.pin().peer()).delayMicros(config.peerDelayMicros()).role(kind.peerRole())
                .connections(planned.connections())
                .closing(Closer.fromLabel(config.closer()), config.linger0()).open(launcher)) {
            record.strangers = session.strangers();
            try {
                record.bufferSizes = session.connection().bufferSizes();
                kind.measure(record, session, context);
            } catch (IOException | RuntimeException e) {
                record.failure = session.explain(e, record.watchdogVerdict);
            }
        } catch (IOException | RuntimeException e) {
            if (record.failure == null) {
                record.failure = PeerSession.describe(e);
            }
        }
        return record.toResult(config.pin(), config.link().labelFor(planned.transport()));
    }

    private TransportOptions transportOptions(Path privateDirectory, CellPlan.Cell planned) {
        String bindHost = link != null && planned.transport().affectedByNetworkNamespaces() ? link.clientAddress()
                : config.bindHost();
        // Waiting for a peer to start and connect: at least the default, since a loaded box starts JVMs slowly.
        Duration connectTimeout = Duration.ofMillis(config.peerTimeoutMillis());
        if (connectTimeout.compareTo(TransportOptions.DEFAULT_CONNECT_TIMEOUT) < 0) {
            connectTimeout = TransportOptions.DEFAULT_CONNECT_TIMEOUT;
        }
        // The peer session gives the options its secret.
        return new TransportOptions(privateDirectory, planned.size(), config.tcpNoDelay(), bindHost, connectTimeout,
                Duration.ofMillis(config.receiveTimeoutMillis()), config.sendBufferBytes(),
                config.receiveBufferBytes(), null, planned.variant());
    }

    @Override
    public void close() {
        measuringThread.close();
    }
}
