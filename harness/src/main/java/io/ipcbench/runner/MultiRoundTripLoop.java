package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.ipcbench.os.Poller;
import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.HdrHistogram.Histogram;

/**
 * Ping-pong over many connections at once from one thread: every connection always has one
 * message in flight. An epoll loop waits for any reply; each reply is timed from its own message's
 * send, recorded for its connection and for the cell, checked, and answered by the connection's
 * next message. This keeps every connection busy, as many clients of one server would.
 *
 * <pre>
 *   client                                   peer (one epoll loop, {@link io.ipcbench.peer.PollEcho})
 *   send on 0, 1, ..., n-1
 *   wait ─► reply on k: record now - sent[k]   ◄── echo on k
 *           send next on k                     ──►
 * </pre>
 *
 * <p>Like {@link RoundTripLoop}, nothing here allocates, locks or logs once built. A datagram whose
 * reply does not come within the receive timeout is counted lost and its connection sends again.
 */
public final class MultiRoundTripLoop implements PingPongLoop {
    /** Per-connection histograms track up to this; 2 significant digits keep 1,024 of them small. */
    public static final long CONNECTION_HIGHEST_NANOS = 60_000_000_000L;
    public static final int CONNECTION_DIGITS = 2;

    private final List<Connection> connections;
    private final NanoClock clock;
    private final int size;
    private final boolean datagrams;
    private final long receiveTimeoutNanos;
    private final Poller poller;
    private final MessageBuffer[] outgoing;
    private final MessageBuffer incoming;
    private final ByteBuffer incomingView;
    private final ByteBuffer[] outgoingViews;
    private final long[] sentAt;
    private final long[] inFlight;
    private final long[] lastLost;
    private final Histogram[] perConnection;
    private final AtomicLong replies = new AtomicLong();
    private volatile boolean stopRequested;

    private long sequence;
    private long totalReplies;
    private final ReplyCounts counts = new ReplyCounts();

    public MultiRoundTripLoop(List<Connection> connections, NanoClock clock, int size, boolean datagrams,
                              long receiveTimeoutNanos) throws IOException {
        this.connections = List.copyOf(connections);
        this.clock = clock;
        this.size = size;
        this.datagrams = datagrams;
        this.receiveTimeoutNanos = receiveTimeoutNanos;
        int n = connections.size();
        int[] descriptors = new int[n];
        for (int i = 0; i < n; i++) {
            descriptors[i] = connections.get(i).pollDescriptor();
            if (descriptors[i] < 0) {
                throw new IllegalArgumentException("several connections need pollable descriptors (the raw engine)");
            }
        }
        this.poller = new Poller(descriptors);
        this.outgoing = new MessageBuffer[n];
        this.outgoingViews = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            outgoing[i] = new MessageBuffer(size);
            RoundTripLoop.fillPayload(outgoing[i].buffer(), size);
            outgoingViews[i] = outgoing[i].buffer().slice(0, size);
        }
        this.incoming = new MessageBuffer(size + 64);
        this.incomingView = incoming.buffer().slice(0, size);
        this.sentAt = new long[n];
        this.inFlight = new long[n];
        this.lastLost = new long[n];
        this.perConnection = new Histogram[n];
        for (int i = 0; i < n; i++) {
            perConnection[i] = new Histogram(CONNECTION_HIGHEST_NANOS, CONNECTION_DIGITS);
        }
    }

    /**
     * Runs until {@code maxRoundTrips} replies have been recorded (over all connections) or the
     * deadline has passed; replies still in flight at the end are awaited and recorded too, so
     * every connection ends idle and the next phase starts clean.
     */
    @Override
    public long run(LatencySink sink, long maxRoundTrips,
                    long deadlineNanos) throws IOException {
        final int n = connections.size();
        for (int i = 0; i < n; i++) {
            sendNext(i);
        }
        int outstanding = n;
        long recorded = 0;
        boolean stopping = false;
        final ByteBuffer in = incoming.buffer();
        while (outstanding > 0) {
            int waitMillis = datagrams ? (int) Math.max(1, receiveTimeoutNanos / 1_000_000) : 1_000;
            int ready = poller.await(waitMillis);
            long now = clock.nanoTime();
            if (ready > 0) {
                for (int k = 0; k < ready; k++) {
                    int i = poller.readyIndex(k);
                    int length = connections.get(i).receive(incoming, size);
                    if (length == Connection.TIMED_OUT) {
                        continue;
                    }
                    long replySequence = length >= Long.BYTES ? in.getLong(0) : -1;
                    if (datagrams && replySequence >= 0 && replySequence != inFlight[i]) {
                        if (replySequence == lastLost[i]) {
                            lastLost[i] = 0;
                            counts.late++;
                        } else {
                            counts.duplicated++;
                        }
                        continue;
                    }
                    long end = clock.nanoTime();
                    long nanos = end - sentAt[i];
                    sink.record(nanos);
                    perConnection[i].recordValue(Math.min(nanos, CONNECTION_HIGHEST_NANOS));
                    recorded++;
                    counts.received++;
                    replies.lazySet(++totalReplies);
                    check(length, replySequence, i);
                    stopping |= stopRequested || recorded >= maxRoundTrips || end - deadlineNanos >= 0;
                    if (stopping) {
                        inFlight[i] = 0;
                        outstanding--;
                    } else {
                        sendNext(i);
                    }
                }
            }
            if (datagrams) {
                outstanding -= expireLost(now, stopping);
            } else if (stopRequested && ready == 0) {
                break; // the watchdog gave up on the peer
            }
        }
        return recorded;
    }

    /** Counts datagrams unanswered past the timeout as lost; resends unless stopping. Returns connections retired. */
    private int expireLost(long now, boolean stopping) throws IOException {
        int retired = 0;
        for (int i = 0; i < connections.size(); i++) {
            if (inFlight[i] != 0 && now - sentAt[i] > receiveTimeoutNanos) {
                counts.timedOut++;
                lastLost[i] = inFlight[i];
                if (stopping || stopRequested) {
                    inFlight[i] = 0;
                    retired++;
                } else {
                    sendNext(i);
                }
            }
        }
        return retired;
    }

    private void sendNext(int i) throws IOException {
        long seq = ++sequence;
        ByteBuffer out = outgoing[i].buffer();
        out.putLong(0, seq);
        out.putLong(size - Long.BYTES, seq);
        inFlight[i] = seq;
        sentAt[i] = clock.nanoTime();
        connections.get(i).send(outgoing[i], size);
        counts.sent++;
    }

    private void check(int length, long replySequence, int i) {
        if (length != size) {
            counts.wrongSize++;
        } else if (replySequence != outgoing[i].buffer().getLong(0)
                || incoming.buffer().getLong(size - Long.BYTES) != replySequence) {
            counts.wrongSequence++;
        } else if (incomingView.mismatch(outgoingViews[i]) >= 0) {
            counts.wrongContent++;
        }
    }

    /** Releases the epoll descriptor. */
    @Override
    public void close() {
        poller.close();
    }

    @Override
    public void requestStop() {
        stopRequested = true;
    }

    @Override
    public long replies() {
        return replies.get();
    }

    /** Each connection's own histogram since the last {@link #resetCounts()}: the measured phase. */
    public Histogram[] perConnection() {
        return perConnection.clone();
    }

    @Override
    public DatagramCounts datagramCounts() {
        return counts.datagramCounts();
    }

    @Override
    public IntegrityErrors integrityErrors() {
        return counts.integrityErrors();
    }

    @Override
    public void resetCounts() {
        counts.reset();
        for (Histogram connection : perConnection) {
            connection.reset();
        }
    }
}
