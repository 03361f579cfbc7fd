package io.ipcbench.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import io.ipcbench.config.RunConfig;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.results.Placement;
import io.ipcbench.peer.PeerSession;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.runner.CellPlan;
import io.ipcbench.runner.PeerWatchdog;
import io.ipcbench.runner.RoundTripLoop;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import io.ipcbench.transport.Transports;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A peer process that echoes, connected over one transport, and the one round trip a benchmark
 * times: the same exchange as the harness's {@code RoundTripLoop}, with the same message (an 8-byte
 * sequence number at the start and at the end, a byte pattern between) and the same peer.
 *
 * <pre>
 *   JMH worker thread (pinned to CLIENT)            peer JVM (echo thread pinned to PEER)
 *   send [seq | payload | seq]  ──────────────────►  receive
 *                               ◄──────────────────  send it back whole
 *   receive, check length and both sequence numbers
 * </pre>
 *
 * <p>Where JMH runs what, and why it matters here:
 * <ul>
 *   <li>{@code @Setup(Level.Trial)} starts the peer. For a {@code Scope.Thread} state JMH runs it on
 *       the worker thread, before the first iteration. That thread is un-pinned first: a child
 *       process inherits the CPU mask of the thread that starts it, and the peer's JIT, GC and
 *       watchdog threads must not be squeezed onto one CPU (the harness starts its peers from an
 *       unpinned thread too).</li>
 *   <li>{@code @Setup(Level.Iteration)} pins the worker thread to the client CPU. JMH runs
 *       iteration set-up of a {@code Scope.Thread} state on the thread that then runs the
 *       {@code @Benchmark} method, so the pin lands where the round trips happen, even if JMH were
 *       to hand iterations to another pooled thread. It is one system call, outside the
 *       measurement.</li>
 * </ul>
 *
 * <p>Nothing in {@link #roundTrip()} allocates: buffers are made once per trial, the connection is
 * driven by libc calls on their native addresses. Failures never end in a silently recorded
 * figure: a datagram whose reply does not come back within the receive timeout (200 ms) fails the
 * trial, since that round trip's time is the timeout, not a latency; so does a reply of the wrong
 * size or with the wrong sequence number, a peer that dies, and a peer that stops answering for
 * {@value #PEER_TIMEOUT_MILLIS} ms (the watchdog kills it to end a blocked read). Every byte of the
 * last reply of each iteration is compared with what was sent; checking every byte of every reply
 * would put a memory compare inside the timed operation, which the harness keeps outside.
 */
@State(Scope.Thread)
public class EchoPeerState {
    /** How long a peer may stay silent inside an iteration before it is taken to have hung. */
    static final long PEER_TIMEOUT_MILLIS = RunConfig.DEFAULT_PEER_TIMEOUT_MILLIS;

    /**
     * Transport, by the harness's name: every {@link io.ipcbench.transport.TransportKind}, in order (an
     * annotation cannot ask the kinds; a test holds the two together).
     */
    @Param({"pipe", "fifo", "tcp", "udp", "unix-stream", "unix-dgram", "unix-seqpacket", "shm"})
    public String transport;

    /** Message size in bytes, at least 8 (the sequence number). */
    @Param({"64", "1024", "16384"})
    public int size;

    /**
     * How the transport's data path is driven: "raw" (libc through jnr-ffi) by default; add
     * {@code -p engine=raw,jdk} for the NIO/junixsocket engine beside it.
     */
    @Param({"raw"})
    public String engine;

    private final AtomicLong replies = new AtomicLong();
    private Placement placement;
    private PeerSession session;
    private PeerWatchdog watchdog;
    private Connection connection;
    private MessageBuffer outgoing;
    private MessageBuffer incoming;
    private ByteBuffer out;
    private ByteBuffer in;
    private ByteBuffer outgoingView;
    private ByteBuffer incomingView;
    private int trailer;
    private long sequence;

    @Setup(Level.Trial)
    public void startPeer() throws IOException {
        TransportKind kind = TransportKind.fromLabel(transport);
        Engine drivenBy = Engine.fromLabel(engine);
        if (size < RunConfig.MIN_SIZE) {
            throw new IllegalArgumentException("size " + size + " B is too small: every message carries an "
                    + RunConfig.MIN_SIZE + "-byte sequence number");
        }
        String cannotCarry = CellPlan.whyCannotCarry(kind, size);
        if (cannotCarry != null) {
            throw new IllegalArgumentException(cannotCarry);
        }
        placement = Pin.fromSystemProperty();
        if (!placement.pinned()) {
            System.err.println("ipcbench: unpinned; on a small machine round trips land in a same-CPU or a "
                    + "cross-CPU mode from run to run: set -D" + Pin.PROPERTY + "=0,1 (or 0,0) for figures you compare");
        }

        CpuAffinity.allowAllCpus();
        session = startPeer(kind, drivenBy, size, placement.peer());
        connection = session.connection();
        outgoing = new MessageBuffer(size);
        // Room for a datagram that is too long, so that it shows up as the wrong size.
        incoming = MessageBuffer.forReceiving(size);
        out = outgoing.buffer();
        in = incoming.buffer();
        RoundTripLoop.fillPayload(out, size);
        outgoingView = out.slice(0, size);
        incomingView = in.slice(0, size);
        trailer = size - Long.BYTES;
        // Nothing to stop but the peer: killing it ends the blocked read, which fails the iteration.
        watchdog = new PeerWatchdog(session.peer(), replies::get, PEER_TIMEOUT_MILLIS, () -> { });
        watchdog.suspend(); // JMH does its own work between iterations: no replies are expected then
    }

    /**
     * An echo peer process and the connection to it, set up as the harness sets up a cell. Call it
     * from a thread that is not pinned: the peer process inherits the CPU mask of the thread that
     * starts it, and all of its threads but the echo thread (which pins itself to {@code peerCpu})
     * should be free to run anywhere, as in the harness.
     *
     * @param peerCpu CPU for the peer's echo thread, or null to leave it to the scheduler
     */
    static PeerSession startPeer(TransportKind kind, Engine engine, int size, Integer peerCpu) throws IOException {
        try {
            return PeerSession.with(Transports.of(kind, engine), engine,
                            directory -> TransportOptions.defaults(directory, size))
                    .cpu(peerCpu).open(new ProcessPeerLauncher());
        } catch (IOException e) {
            throw new IOException("could not connect to the " + kind + " peer: " + e.getMessage(), e);
        }
    }

    @Setup(Level.Iteration)
    public void pinAndWatch() throws IOException {
        if (placement.pinned()) {
            CpuAffinity.pinCurrentThread(placement.client());
        }
        watchdog.resume();
    }

    /**
     * One round trip: send a message, wait for its echo, check its length and sequence numbers.
     *
     * @return the sequence number, for JMH to consume
     */
    public long roundTrip() throws IOException {
        final long seq = ++sequence;
        out.putLong(0, seq);
        out.putLong(trailer, seq);
        final int length;
        try {
            connection.send(outgoing, size);
            length = connection.receive(incoming, size);
        } catch (IOException e) {
            throw failed(e);
        }
        if (length != size || in.getLong(0) != seq || in.getLong(trailer) != seq) {
            throw wrongReply(length, seq);
        }
        replies.lazySet(seq);
        return seq;
    }

    @TearDown(Level.Iteration)
    public void checkLastReply() {
        watchdog.suspend();
        if (sequence > 0 && in.getLong(0) == sequence && incomingView.mismatch(outgoingView) >= 0) {
            throw new IllegalStateException(transport + ": reply " + sequence + " came back with other bytes than "
                    + "were sent (first difference at byte " + incomingView.mismatch(outgoingView) + ")");
        }
    }

    @TearDown(Level.Trial)
    public void stopPeer() {
        try {
            if (watchdog != null) {
                watchdog.close();
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    /** Round trips so far in this trial, for tests. */
    long roundTrips() {
        return sequence;
    }

    /** The peer's process id, for tests. */
    long peerPid() {
        return session.peer().pid();
    }

    private IOException failed(IOException e) {
        return new IOException(transport + ", " + size + " B, round trip " + sequence + ": "
                + session.explain(e, watchdog.verdict()), e);
    }

    private IOException wrongReply(int length, long seq) {
        if (length == Connection.TIMED_OUT) {
            return new IOException(transport + ", " + size + " B: no reply to message " + seq + " within "
                    + TransportOptions.DEFAULT_RECEIVE_TIMEOUT.toMillis() + " ms; a lost datagram is a failure here, "
                    + "not a round trip (1 lost after " + (seq - 1) + " round trips)");
        }
        if (length != size) {
            return new IOException(transport + ": reply to message " + seq + " is " + length + " B, expected " + size);
        }
        return new IOException(transport + ": reply to message " + seq + " carries sequence numbers "
                + in.getLong(0) + " and " + in.getLong(trailer));
    }
}
