package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import io.ipcbench.os.Poller;
import io.ipcbench.transport.DialedConnection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.MessageProgress;

/**
 * The measured loop of a connect cell, after netperf's TCP_CRR: each operation dials a new
 * connection, sends one request of the cell's size, takes in its reply, and closes; it is timed as a
 * whole, from just before the socket is made to just after it is closed, and the connect alone (to
 * the connection usable) is recorded beside it. N loops run at once, each a slot with one operation
 * under way, all from one epoll loop on one thread: no connect, send or receive ever blocks, so no
 * thread per loop is needed, and none waits on one connection while another could move.
 *
 * <pre>
 *   slot i:  t0  socket() + connect()  ── SYN ──►                 peer ({@link io.ipcbench.peer.Answerer})
 *                writable: t1 (connect alone: t1 - t0)  ◄── SYN-ACK ──  accept
 *                request   ───────────────────────────────────────────►  take it in
 *                reply     ◄───────────────────────────────────────────  send it back
 *                close (client first), or wait for the peer's close, then close: t2 (operation: t2 - t0)
 * </pre>
 *
 * <p>Every reply is checked (length, sequence number at both ends, every byte) once its operation's
 * time is taken. Nothing here allocates, locks or logs: the slots, buffers and stamps are made once,
 * and a connection's descriptor goes into its slot's place in the poller when it is dialled
 * (closing it took the last one out).
 */
public final class ConnectLoop extends MeasuredLoop implements RoundTripLoop {
    /** A wait is bounded only so that a stop request is seen when the peer has gone quiet. */
    private static final int WAIT_MILLIS = 1_000;

    private static final int IDLE = 0;
    private static final int DIALING = 1;
    private static final int SENDING = 2;
    private static final int RECEIVING = 3;
    private static final int AWAITING_CLOSE = 4;

    private final DialedConnection[] slots;
    private final MessageProgress[] progress;
    private final Poller poller;
    private final NanoClock clock;
    private final int size;
    private final boolean peerClosesFirst;
    private final boolean reset;
    /** One request for every slot, its sequence number stamped before each send call. */
    private final MessageBuffer outgoing;
    private final ByteBuffer outgoingPayload;
    private final MessageBuffer[] incoming;
    private final ByteBuffer[] incomingPayload;
    private final int[] state;
    private final long[] startedAt;
    private final long[] connectedAt;
    private final long[] inFlight;
    private RecorderSink connects = new RecorderSink(IntervalLogger.newRecorder());
    private long sequence;
    private long totalOperations;

    /**
     * @param slots           one per loop, hung up
     * @param peerClosesFirst whether the peer closes first (the client then waits for that, and closes)
     * @param reset           whether the side that closes first resets the connection (SO_LINGER 0)
     */
    public ConnectLoop(List<DialedConnection> slots, NanoClock clock, int size, boolean boundaries,
                       boolean peerClosesFirst, boolean reset) throws IOException {
        int n = slots.size();
        this.slots = slots.toArray(DialedConnection[]::new);
        this.clock = clock;
        this.size = size;
        this.peerClosesFirst = peerClosesFirst;
        this.reset = reset;
        this.outgoing = new MessageBuffer(size);
        RoundTripLoop.fillPayload(outgoing.buffer(), size);
        this.outgoingPayload = RoundTripLoop.payload(outgoing, size);
        this.progress = new MessageProgress[n];
        this.incoming = new MessageBuffer[n];
        this.incomingPayload = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            progress[i] = new MessageProgress(this.slots[i], boundaries);
            incoming[i] = MessageBuffer.forReceiving(size);
            incomingPayload[i] = RoundTripLoop.payload(incoming[i], size);
        }
        this.state = new int[n];
        this.startedAt = new long[n];
        this.connectedAt = new long[n];
        this.inFlight = new long[n];
        this.poller = Poller.ofSlots(n);
    }

    /** What the message buffers of {@code loops} loops take: one request, a reply buffer each. */
    static long bufferBytes(int loops, int size) {
        return size + loops * MessageBuffer.receivingBytes(size);
    }


    /**
     * Where the connect alone of each operation goes from now on. Until it is given, a recorder of
     * the loop's own takes it: warm-up records through the same sink class as the measured part.
     */
    void recordConnectsInto(RecorderSink sink) {
        connects = sink;
    }

    /**
     * Runs operations until {@code maxOperations} are recorded, the deadline passes or a stop is
     * requested; those under way then finish and are recorded too, so every slot ends hung up.
     */
    @Override
    public long run(LatencySink sink, long maxOperations, long deadlineNanos) throws IOException {
        final int n = slots.length;
        for (int i = 0; i < n; i++) {
            start(i);
        }
        int outstanding = n;
        long recorded = 0;
        boolean stopping = false;
        while (outstanding > 0) {
            int ready = poller.await(WAIT_MILLIS);
            if (ready == 0 && stopRequested) {
                break; // the watchdog gave up on the peer
            }
            for (int k = 0; k < ready; k++) {
                int i = poller.readyIndex(k);
                if (state[i] == IDLE || !advance(i)) {
                    continue;
                }
                long end = clock.nanoTime();
                sink.record(end - startedAt[i]);
                connects.record(connectedAt[i] - startedAt[i]);
                recorded++;
                counts.received++;
                replies.lazySet(++totalOperations);
                check(i);
                stopping |= stopRequested || recorded >= maxOperations || end - deadlineNanos >= 0;
                if (stopping) {
                    state[i] = IDLE;
                    outstanding--;
                } else {
                    start(i);
                }
            }
        }
        return recorded;
    }

    /** Starts slot {@code i}'s next operation: a new socket, its connect, and the request if it connected at once. */
    private void start(int i) throws IOException {
        inFlight[i] = ++sequence;
        progress[i].startSending(size);
        progress[i].startReceiving();
        counts.sent++;
        startedAt[i] = clock.nanoTime();
        DialedConnection slot = slots[i];
        if (!slot.dial()) {
            state[i] = DIALING;
            poller.watch(i, slot.pollDescriptor(), true);
            return;
        }
        connectedAt[i] = clock.nanoTime();
        state[i] = send(i) ? RECEIVING : SENDING;
        poller.watch(i, slot.pollDescriptor(), state[i] == SENDING);
    }

    /** Moves slot {@code i} as far as it can go now; true once its operation is over (its connection closed). */
    private boolean advance(int i) throws IOException {
        DialedConnection slot = slots[i];
        switch (state[i]) {
            case DIALING -> {
                slot.finishDial();
                connectedAt[i] = clock.nanoTime();
                if (send(i)) {
                    state[i] = RECEIVING;
                    poller.watchReadable(i);
                } else {
                    state[i] = SENDING;
                }
                return false;
            }
            case SENDING -> {
                if (send(i)) {
                    state[i] = RECEIVING;
                    poller.watchReadable(i);
                }
                return false;
            }
            case RECEIVING -> {
                if (!progress[i].receiveMore(incoming[i], size)) {
                    return false;
                }
                if (!peerClosesFirst) {
                    slot.hangUp(reset);
                    return true;
                }
                state[i] = AWAITING_CLOSE;
                // The peer's close may have come with its reply.
                return closeIfClosed(i);
            }
            default -> {
                return closeIfClosed(i);
            }
        }
    }

    /** Sends what goes now of slot {@code i}'s request; true once all of it has gone. */
    private boolean send(int i) throws IOException {
        ByteBuffer out = outgoing.buffer();
        out.putLong(0, inFlight[i]);
        out.putLong(size - Long.BYTES, inFlight[i]);
        return progress[i].sendMore(outgoing);
    }

    /** Closes slot {@code i} if the peer has closed its end: true then. */
    private boolean closeIfClosed(int i) throws IOException {
        if (!slots[i].otherSideClosed()) {
            return false;
        }
        slots[i].hangUp(false);
        return true;
    }

    private void check(int i) {
        counts.check(progress[i].received(), size, incoming[i].buffer(), inFlight[i], incomingPayload[i],
                outgoingPayload);
    }

    /** Hangs up whatever is still open (a loop stopped by the watchdog) and releases the poller. */
    @Override
    public void close() {
        for (DialedConnection slot : slots) {
            slot.close();
        }
        poller.close();
    }

}
