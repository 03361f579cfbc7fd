package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import io.ipcbench.os.Poller;
import io.ipcbench.os.Readiness;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.MessageProgress;
import org.HdrHistogram.Histogram;

/**
 * Ping-pong over many connections at once from one thread: every connection always has one
 * message in flight. Messages move in pieces, without blocking: an epoll loop waits until any
 * connection can move (a reply to read, or the rest of a message to write, for a message larger
 * than the socket buffers) and moves what it can on each. A thread that blocked writing a whole
 * message on one connection would wait for ever on a peer that blocked writing its echo on another.
 *
 * <pre>
 *   client                                   peer (one epoll loop, {@link io.ipcbench.peer.PollEcho})
 *   send on 0, 1, ..., n-1                  ──►
 *   wait ─► read what came on each ready k   ◄── echo on k
 *           k's reply whole: end[k] = now
 *   then, for every reply now whole:
 *           record end[k] - start[k], check it
 *   then    start[k] = now, send next on k   ──►
 * </pre>
 *
 * <p>A round trip's window runs from just before its message's first send call to the moment its
 * reply's last byte is in. Every reply of a wait is stamped before any is recorded or checked and
 * before any next message goes, so none of that work lies in the window of a reply that was ready
 * with it; what a window may hold is the reading of the replies ready at the same time, the cost
 * of one thread serving them all.
 *
 * <p>Like {@link OneConnectionLoop}, nothing here allocates, locks or logs once built. A datagram whose
 * reply does not come within the receive timeout is cut off and its connection sends again; a reply
 * that turns up after that is counted late, once.
 */
public final class ManyConnectionLoop extends MeasuredLoop implements RoundTripLoop {
    /** Per-connection histograms track up to this; 2 significant digits keep 1,024 of them small. */
    public static final long CONNECTION_HIGHEST_NANOS = 60_000_000_000L;
    public static final int CONNECTION_DIGITS = 2;
    /** A byte stream's wait is bounded only so that a stop request is seen when the peer has gone quiet. */
    private static final int STREAM_WAIT_MILLIS = 1_000;

    private final MessageProgress[] progress;
    private final Readiness readiness;
    private final NanoClock clock;
    private final int size;
    private final boolean datagrams;
    private final long receiveTimeoutNanos;
    /**
     * One message for every connection: each send call first stamps its connection's sequence
     * number into it, and the kernel has copied the bytes by the time the call returns.
     */
    private final MessageBuffer outgoing;
    private final ByteBuffer outgoingPayload;
    /** A buffer per connection: a reply may arrive in pieces, between pieces of others. */
    private final MessageBuffer[] incoming;
    private final ByteBuffer[] incomingPayload;
    private final long[] sentAt;
    private final long[] repliedAt;
    /** The sequence number each connection awaits; 0 once it is retired. */
    private final long[] inFlight;
    private final long[] lastLost;
    /** The connections whose reply became whole in the current wait, in that order. */
    private final int[] whole;
    private final Histogram[] perConnection;

    private int wholeCount;
    private long sequence;
    private long totalReplies;

    public ManyConnectionLoop(List<Connection> connections, NanoClock clock, int size, boolean datagrams,
                              long receiveTimeoutNanos) throws IOException {
        this(connections, new Poller(Connection.pollDescriptors(connections)), clock, size, datagrams,
                receiveTimeoutNanos);
    }

    /** Waits on {@code readiness}, which watches {@code connections} by their index in the list. */
    ManyConnectionLoop(List<Connection> connections, Readiness readiness, NanoClock clock, int size,
                       boolean datagrams, long receiveTimeoutNanos) {
        this.readiness = readiness;
        this.clock = clock;
        this.size = size;
        this.datagrams = datagrams;
        this.receiveTimeoutNanos = receiveTimeoutNanos;
        int n = connections.size();
        try {
            this.outgoing = new MessageBuffer(size);
            RoundTripLoop.fillPayload(outgoing.buffer(), size);
            this.outgoingPayload = RoundTripLoop.payload(outgoing, size);
            this.progress = new MessageProgress[n];
            this.incoming = new MessageBuffer[n];
            this.incomingPayload = new ByteBuffer[n];
            this.perConnection = new Histogram[n];
            for (int i = 0; i < n; i++) {
                progress[i] = new MessageProgress(connections.get(i), datagrams);
                incoming[i] = MessageBuffer.forReceiving(size);
                incomingPayload[i] = RoundTripLoop.payload(incoming[i], size);
                perConnection[i] = new Histogram(CONNECTION_HIGHEST_NANOS, CONNECTION_DIGITS);
            }
        } catch (RuntimeException | Error e) {
            readiness.close();
            throw e;
        }
        this.sentAt = new long[n];
        this.repliedAt = new long[n];
        this.inFlight = new long[n];
        this.lastLost = new long[n];
        this.whole = new int[n];
    }

    /** What the message buffers of {@code connections} connections take: one outgoing message, an incoming one each. */
    static long bufferBytes(int connections, int size) {
        return size + connections * MessageBuffer.receivingBytes(size);
    }


    /**
     * Runs until {@code maxRoundTrips} replies have been recorded (over all connections) or the
     * deadline has passed; replies still in flight at the end are awaited and recorded too, so
     * every connection ends idle and the next phase starts clean.
     */
    @Override
    public long run(LatencySink sink, long maxRoundTrips, long deadlineNanos) throws IOException {
        final int n = progress.length;
        for (int i = 0; i < n; i++) {
            startMessage(i);
        }
        final int waitMillis = datagrams ? (int) Math.max(1, receiveTimeoutNanos / 1_000_000) : STREAM_WAIT_MILLIS;
        int outstanding = n;
        long recorded = 0;
        boolean stopping = false;
        while (outstanding > 0) {
            int ready = readiness.await(waitMillis);
            long now = clock.nanoTime();
            wholeCount = 0;
            for (int k = 0; k < ready; k++) {
                move(readiness.readyIndex(k));
            }
            for (int w = 0; w < wholeCount; w++) {
                int i = whole[w];
                long nanos = repliedAt[i] - sentAt[i];
                sink.record(nanos);
                perConnection[i].recordValue(Math.min(nanos, CONNECTION_HIGHEST_NANOS));
                recorded++;
                counts.received++;
                replies.lazySet(++totalReplies);
                check(i);
                stopping |= stopRequested || recorded >= maxRoundTrips || repliedAt[i] - deadlineNanos >= 0;
            }
            for (int w = 0; w < wholeCount; w++) {
                int i = whole[w];
                if (stopping) {
                    retire(i);
                    outstanding--;
                } else {
                    startMessage(i);
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

    /** Moves what connection {@code i} can move now: the rest of its message, or what has come of its reply. */
    private void move(int i) throws IOException {
        MessageProgress connection = progress[i];
        if (connection.sending()) {
            stamp(inFlight[i]);
            if (connection.sendMore(outgoing)) {
                readiness.watchReadable(i);
            }
            return;
        }
        while (connection.receiveMore(incoming[i], size)) {
            long replySequence = connection.received() >= Long.BYTES ? incoming[i].buffer().getLong(0) : -1;
            boolean answersAnOlderMessage = datagrams && replySequence >= 0 && replySequence != inFlight[i];
            if (inFlight[i] != 0 && !answersAnOlderMessage) {
                repliedAt[i] = clock.nanoTime();
                whole[wholeCount++] = i;
                return;
            }
            // A datagram that answers a message already given up on, or answers one twice; the reply awaited may still come.
            if (replySequence == lastLost[i]) {
                lastLost[i] = 0;
                counts.late++;
            } else {
                counts.duplicated++;
            }
            connection.startReceiving();
        }
    }

    /** Cuts off datagrams unanswered past the timeout; resends unless stopping. Returns connections retired. */
    private int expireLost(long now, boolean stopping) throws IOException {
        int retired = 0;
        for (int i = 0; i < progress.length; i++) {
            // A message still partly unsent has not been lost; its connection waits to be writable.
            if (inFlight[i] != 0 && !progress[i].sending() && now - sentAt[i] > receiveTimeoutNanos) {
                counts.timedOut++;
                lastLost[i] = inFlight[i];
                if (stopping || stopRequested) {
                    retire(i);
                    retired++;
                } else {
                    startMessage(i);
                }
            }
        }
        return retired;
    }

    /** Stamps and sends connection {@code i}'s next message, as much of it as goes now; the rest when it can be written. */
    private void startMessage(int i) throws IOException {
        long seq = ++sequence;
        inFlight[i] = seq;
        MessageProgress connection = progress[i];
        connection.startReceiving();
        connection.startSending(size);
        stamp(seq);
        sentAt[i] = clock.nanoTime();
        counts.sent++;
        if (!connection.sendMore(outgoing)) {
            readiness.watchWritable(i);
        }
    }

    private void stamp(long seq) {
        ByteBuffer out = outgoing.buffer();
        out.putLong(0, seq);
        out.putLong(size - Long.BYTES, seq);
    }

    private void retire(int i) {
        inFlight[i] = 0;
        progress[i].startReceiving();
    }

    private void check(int i) {
        counts.check(progress[i].received(), size, incoming[i].buffer(), inFlight[i], incomingPayload[i],
                outgoingPayload);
    }

    /** Releases the epoll descriptor. */
    @Override
    public void close() {
        readiness.close();
    }

    /** Each connection's own histogram since the last {@link #resetCounts()}: the measured phase. */
    public Histogram[] perConnection() {
        return perConnection.clone();
    }

    @Override
    public void resetCounts() {
        super.resetCounts();
        for (Histogram connection : perConnection) {
            connection.reset();
        }
    }
}
