package io.ipcbench.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;

/**
 * How the cells of one mode are measured. The {@link Sweep} knows no mode: for every cell it opens
 * a peer session whose peer plays this kind's {@link #peerRole()}, hands the session to
 * {@link #measure}, and saves what was recorded. The plan, the memory check and the run's estimate
 * ask the kind too. A new mode is a new implementation and its line in {@link #of}.
 */
interface CellKind {
    /** The kind that measures cells of {@code mode}. */
    static CellKind of(CellMode mode) {
        return switch (mode) {
            case LATENCY -> LatencyCell.KIND;
            case THROUGHPUT -> ThroughputCell.KIND;
            case RATE -> RateCell.KIND;
            case CONNECT -> ConnectCell.KIND;
        };
    }

    /** What the peer does in a cell of this kind. */
    PeerRole peerRole();

    /** The message sizes of this kind that the configuration asks for. */
    List<Integer> sizes(RunConfig config);

    /** The connection counts of this kind that the configuration asks for. */
    default List<Integer> connections(RunConfig config) {
        return config.connections();
    }

    /** Whether the configuration asks for cells of this kind over {@code transport}. */
    default boolean measures(RunConfig config, String transport) {
        return true;
    }

    /** The rates of this kind that the configuration asks for, a cell each; one null for a kind without rates. */
    default List<RequestedRate> rates(RunConfig config) {
        return Collections.singletonList(null);
    }

    /** Null if this kind's cells can be measured over {@code transport}, else why not. */
    default String whyNotFor(TransportKind transport) {
        return null;
    }

    /** Null if this kind's cells can be measured on {@code engine}, at any connection count, else why not. */
    default String whyNotOn(Engine engine) {
        return null;
    }

    /** About how long a cell's warm-up takes, for the run's estimate. */
    default Duration warmUpTime(RunConfig config, int size) {
        return RunEstimate.phase(config.warmupIterations(), config.warmupMillis(), size);
    }

    /** What the message buffers of a cell of this kind take on this side. */
    long clientBufferBytes(int connections, int size);

    /** About how long a cell's measured part and what follows it take, for the run's estimate. */
    Duration measuredTime(RunConfig config, int size);

    /** What a cell of this kind holds before anything is measured: it can fail before it starts. */
    default CellRecord newRecord(CellPlan.Cell planned) {
        return new CellRecord(planned);
    }

    /**
     * Warms up and measures one cell over {@code session}, into {@code record}. What it measured
     * stays in the record even when it then throws; the sweep explains and keeps the failure.
     */
    void measure(CellRecord record, PeerSession session, CellContext context) throws IOException;
}
