package io.ipcbench.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipcbench.config.RunConfig;
import io.ipcbench.os.Native;
import io.ipcbench.os.TimeWaitSockets;
import io.ipcbench.peer.Answerer;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.results.ConnectSetUp;
import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.RunFolder;
import io.ipcbench.transport.Closer;
import io.ipcbench.transport.DialedConnection;
import io.ipcbench.transport.Dialing;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.HdrHistogram.Histogram;

/**
 * A connect cell: what a connection costs when every request opens one (netperf's TCP_CRR, neper's
 * tcp_crr, lmbench's lat_connect). The peer answers dialled connections ({@link Answerer}); this
 * side runs one {@link ConnectLoop} of as many concurrent loops as the cell has connections, timed
 * like a latency cell ({@link LatencyCell#measureRoundTrips}), the connect alone tagged
 * {@value RunFolder#CONNECT_TAG} in the interval log. For TCP, the sockets left in TIME_WAIT on
 * each side are counted when the measured part ends; a run of local ports ends the cell with the
 * reason, never a hang.
 */
final class ConnectCell implements CellKind {
    static final ConnectCell KIND = new ConnectCell();
    /**
     * The most operations a connect cell warms up on, whatever --warmup asks: enough for the loop to
     * be compiled (five of the warm-up's 1,000-call intervals), and no more, since every TCP
     * connection the client closes holds a local port in TIME_WAIT for a minute, and the default
     * warm-up of 20,000 would take most of the ports there are before the measured part begins.
     */
    static final long MAX_WARMUP_OPERATIONS = 5_000;

    private ConnectCell() {
    }

    @Override
    public PeerRole peerRole() {
        return PeerRole.ACCEPT;
    }

    @Override
    public List<Integer> sizes(RunConfig config) {
        return config.connectSizes();
    }

    @Override
    public boolean measures(RunConfig config, String transport) {
        return !config.connectSizes().isEmpty();
    }

    /** Transports whose kind sets up connections. */
    @Override
    public String whyNotFor(TransportKind transport) {
        return transport.whyNoConnectionSetUp();
    }

    /** An engine whose descriptors can be polled: the connect loop dials and waits on many at once. */
    @Override
    public String whyNotOn(Engine engine) {
        return engine.whyNotPolled();
    }

    @Override
    public long clientBufferBytes(int connections, int size) {
        return ConnectLoop.bufferBytes(connections, size);
    }

    /** The warm-up as configured, but of {@link #MAX_WARMUP_OPERATIONS} operations at most. */
    @Override
    public Duration warmUpTime(RunConfig config, int size) {
        Duration atMost = RunEstimate.phase(MAX_WARMUP_OPERATIONS, 0, size);
        if (config.warmupIterations() > 0) {
            return RunEstimate.phase(Math.min(config.warmupIterations(), MAX_WARMUP_OPERATIONS), 0, size);
        }
        Duration configured = Duration.ofMillis(config.warmupMillis());
        return configured.compareTo(atMost) < 0 ? configured : atMost;
    }

    @Override
    public Duration measuredTime(RunConfig config, int size) {
        return RunEstimate.phase(config.iterations(), config.durationMillis(), size);
    }

    @Override
    public void measure(CellRecord record, PeerSession session, CellContext context) throws IOException {
        RunConfig config = context.config();
        CellPlan.Cell planned = record.planned;
        Dialing dialing = session.transport().dialing();
        String address = Answerer.awaitAddress(session.connection(), Duration.ofMillis(config.peerTimeoutMillis()));
        List<DialedConnection> slots = new ArrayList<>();
        for (int i = 0; i < planned.connections(); i++) {
            slots.add(dialing.newConnection(address));
        }
        boolean peerClosesFirst = Closer.fromLabel(config.closer()) == Closer.PEER;
        InetSocketAddress peerAddress = planned.transport().affectedByNetworkNamespaces() ? HostAndPort.parse(address) : null;
        try (ConnectLoop loop = new ConnectLoop(slots, context.clock(), planned.size(),
                planned.transport().preservesBoundaries(), peerClosesFirst, config.linger0())) {
            Map<String, Histogram> tagged;
            try {
                tagged = LatencyCell.measureRoundTrips(record, session, context, loop, List::of,
                        Map.of(RunFolder.CONNECT_TAG, loop::recordConnectsInto), MAX_WARMUP_OPERATIONS);
            } catch (Native.NativeIOException e) {
                throw e.errno() == Native.EADDRNOTAVAIL ? outOfPorts(e, loop.replies(), peerAddress) : e;
            }
            record.setUp = new ConnectSetUp(LatencySummary.of(tagged.get(RunFolder.CONNECT_TAG)), config.closer(),
                    config.linger0(), peerAddress == null ? null
                            : TimeWaitSockets.count(ProcessHandle.current().pid(), peerAddress, false),
                    peerAddress == null ? null : TimeWaitSockets.count(session.peer().pid(), peerAddress, true));
        }
    }

    /** A connect that found no free local port, said plainly: how many connections came first, and why ports run out. */
    private static IOException outOfPorts(Native.NativeIOException e, long done, InetSocketAddress peerAddress) {
        String range;
        try {
            // Files.readString trusts the size /proc reports and reads a few bytes only: read to the end instead.
            try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                range = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()
                        .replaceAll("\\s+", "-");
            }
        } catch (IOException unreadable) {
            range = "unknown";
        }
        String waiting;
        try {
            waiting = peerAddress == null ? "" : ", "
                    + TimeWaitSockets.count(ProcessHandle.current().pid(), peerAddress, false)
                    + " of this side's sockets to the peer in TIME_WAIT";
        } catch (IOException unreadable) {
            waiting = "";
        }
        return new IOException("ran out of local ports after " + done + " connections (" + e.getMessage()
                + "; net.ipv4.ip_local_port_range " + range + waiting + "): the side that closes first keeps each "
                + "connection in TIME_WAIT for a minute; --closer peer moves that to the peer, --linger0 resets "
                + "instead (not what a normal client does)", e);
    }
}
