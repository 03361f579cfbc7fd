package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import io.ipcbench.os.Poller;
import io.ipcbench.os.Readiness;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.MessageProgress;
import org.HdrHistogram.Histogram;

/**
 * Round trips at an offered rate, from one thread, over one connection or many: the sender keeps a
 * schedule, whatever the replies do, and each round trip is timed twice, from the message's
 * intended send (corrected for coordinated omission: a stall delays every message due during it,
 * and each counts) and from its actual send (what a closed loop, or a tool that stamps the actual
 * send, would see).
 *
 * <pre>
 *   message j of the cell is due at start + j / rate, on connection j mod n, so that each
 *   connection has its own schedule (rate / n a second, offset by j / rate) and the sends of the
 *   connections interleave evenly
 *
 *   loop: send every message whose time has come            ──► peer echoes each, in order
 *         wait for replies until the next one is due          ◄──
 *           (park in epoll_pwait2 until {@link #SPIN_NANOS} before it, then poll with timeout 0)
 *         take in what came, stamping each reply as it is whole
 *         then record each: intended → reply (corrected), sent → reply (raw); check it
 * </pre>
 *
 * <p>Several messages may be in flight on a connection, up to {@link #WINDOW}: a memory bound, not a
 * throttle, since a connection that many messages behind is far past what the transport sustains.
 * When the next message's connection has its window full, or part of a message still to write, the
 * sender waits for it, and every message behind it keeps its intended time, so the wait counts.
 *
 * <p>Every connection moves in pieces and never blocks ({@link Connection#moveInPieces()}): a socket
 * is watched for reading, and for writing too while part of a message waits to go; a pair of pipes
 * has its write end watched on its own. Replies are taken in up to {@link #REPLY_SLOT_BYTES} a
 * connection per wait, each into a slot of its own, and all stamped before any is recorded or
 * checked; what a reply's window may hold beyond its round trip is the taking in of the replies that
 * were ready with it, the cost of one thread serving them all.
 *
 * <p>On a datagram transport a reply may never come: a message unanswered for the receive timeout
 * is cut off and counted, and a reply that turns up later is counted late. Nothing here allocates,
 * locks or logs once built.
 */
public final class RateLoop extends MeasuredLoop implements AutoCloseable {
    /** Messages one connection may have in flight (a power of two). */
    static final int WINDOW = 256;
    /** What each connection's reply slots take in all: replies taken in per wait before any is recorded. */
    static final int REPLY_SLOT_BYTES = 16 * 1024;
    /**
     * The last stretch before a message is due, spent polling (epoll with timeout 0, about 0.25 µs a
     * call) instead of sleeping. A timed wait ends late by the wake-up: measured on a 2-CPU VM with
     * the thread's timer slack at 1 µs ({@link RateCell}), 15 µs at the median and 20 to 40 µs at the
     * 90th percentile; so a wait that ends 50 µs early lets most sends go on time, at the cost of
     * one CPU busy for the last 50 µs of every interval (all of it above 20,000 messages a second).
     */
    static final long SPIN_NANOS = 50_000;
    /** Longest single wait: a stop request, and a datagram to cut off, are looked at least this often. */
    static final long MAX_WAIT_NANOS = 100_000_000;
    private static final int RECENTLY_LOST = 4096;

    private final int n;
    private final MessageProgress[] progress;
    private final Readiness readiness;
    /** The readiness index watched for writing connection c: c itself (a socket), or one of its own (a pipe's write end). */
    private final int[] writeIndex;
    private final NanoClock clock;
    private final int size;
    private final boolean datagrams;
    private final long receiveTimeoutNanos;
    private final double intervalNanos;

    /** One message for every connection: each send call first stamps the sequence number of the message under way. */
    private final MessageBuffer outgoing;
    private final ByteBuffer outgoingPayload;
    private final int slotCount;
    private final MessageBuffer[][] slots;
    private final ByteBuffer[][] slotPayloads;
    private final int[] nextSlot;

    /** Messages in flight, a ring of {@link #WINDOW} per connection in send order: sequence (0 once answered), intended and actual send. */
    private final long[] flightSequence;
    private final long[] flightIntended;
    private final long[] flightSent;
    private final int[] flightHead;
    private final int[] flightCount;
    private int inFlight;

    /** The replies that became whole in the current wait, in that order. */
    private final int[] wholeConnection;
    private final int[] wholeSlot;
    private final int[] wholeLength;
    private final long[] wholeAt;
    private int wholeCount;

    private final long[] recentlyLost = new long[RECENTLY_LOST];
    private final Histogram[] perConnection;
    private long sequence;
    private long totalReplies;

    private long startNanos;
    private long nextMessage;
    private long nextExpiry;

    /**
     * @param ratePerSec round trips per second over all connections together
     */
    public static RateLoop over(List<Connection> connections, NanoClock clock, int size, boolean datagrams,
                                long receiveTimeoutNanos, double ratePerSec) throws IOException {
        int n = connections.size();
        int[] descriptors = new int[2 * n];
        int[] writeIndex = new int[n];
        int watched = n;
        for (int c = 0; c < n; c++) {
            int[] pair = connections.get(c).moveInPieces();
            if (pair == null) {
                throw new IllegalArgumentException("a rate cell needs connections that move in pieces (the raw engine)");
            }
            descriptors[c] = pair[0];
            if (pair[1] == pair[0]) {
                writeIndex[c] = c;
            } else {
                writeIndex[c] = watched;
                descriptors[watched++] = pair[1];
            }
        }
        return new RateLoop(connections, new Poller(Arrays.copyOf(descriptors, watched)), writeIndex, clock, size,
                datagrams, receiveTimeoutNanos, ratePerSec);
    }

    /**
     * Waits on {@code readiness}, which watches connection c by index c for reading and by
     * {@code writeIndex[c]} for writing.
     */
    RateLoop(List<Connection> connections, Readiness readiness, int[] writeIndex, NanoClock clock, int size,
             boolean datagrams, long receiveTimeoutNanos, double ratePerSec) {
        if (!(ratePerSec > 0)) {
            readiness.close();
            throw new IllegalArgumentException("a rate must be positive: " + ratePerSec);
        }
        this.n = connections.size();
        this.readiness = readiness;
        this.writeIndex = writeIndex.clone();
        this.clock = clock;
        this.size = size;
        this.datagrams = datagrams;
        this.receiveTimeoutNanos = receiveTimeoutNanos;
        this.intervalNanos = 1e9 / ratePerSec;
        this.slotCount = slotCount(size);
        try {
            this.outgoing = new MessageBuffer(size);
            RoundTripLoop.fillPayload(outgoing.buffer(), size);
            this.outgoingPayload = RoundTripLoop.payload(outgoing, size);
            this.progress = new MessageProgress[n];
            this.slots = new MessageBuffer[n][];
            this.slotPayloads = new ByteBuffer[n][slotCount];
            this.perConnection = new Histogram[n];
            for (int c = 0; c < n; c++) {
                progress[c] = new MessageProgress(connections.get(c), datagrams);
                slots[c] = MessageBuffer.several(slotCount, (int) MessageBuffer.receivingBytes(size));
                for (int s = 0; s < slotCount; s++) {
                    slotPayloads[c][s] = RoundTripLoop.payload(slots[c][s], size);
                }
                perConnection[c] = new Histogram(ManyConnectionLoop.CONNECTION_HIGHEST_NANOS,
                        ManyConnectionLoop.CONNECTION_DIGITS);
            }
        } catch (RuntimeException | Error e) {
            readiness.close();
            throw e;
        }
        this.nextSlot = new int[n];
        this.flightSequence = new long[n * WINDOW];
        this.flightIntended = new long[n * WINDOW];
        this.flightSent = new long[n * WINDOW];
        this.flightHead = new int[n];
        this.flightCount = new int[n];
        this.wholeConnection = new int[n * slotCount];
        this.wholeSlot = new int[n * slotCount];
        this.wholeLength = new int[n * slotCount];
        this.wholeAt = new long[n * slotCount];
        Arrays.fill(recentlyLost, -1);
    }

    /** Replies of one connection taken in per wait, at {@code size} bytes a message. */
    private static int slotCount(int size) {
        return (int) Math.max(1, Math.min(WINDOW, REPLY_SLOT_BYTES / MessageBuffer.receivingBytes(size)));
    }

    /** What the message buffers of {@code connections} connections take: one outgoing message, reply slots each. */
    static long bufferBytes(int connections, int size) {
        return size + (long) connections * slotCount(size) * MessageBuffer.receivingBytes(size);
    }


    /**
     * Starts a schedule now, on the loop's clock: message j is due j intervals from now. The counts
     * start from zero; nothing may be in flight (the phase before ended with {@link #drain}).
     */
    public void startSchedule() {
        if (inFlight > 0) {
            throw new IllegalStateException(inFlight + " messages of the last phase are still in flight");
        }
        counts.reset();
        for (Histogram connection : perConnection) {
            connection.reset();
        }
        startNanos = clock.nanoTime();
        nextMessage = 0;
        nextExpiry = startNanos + expiryStep();
    }

    /** When the schedule started, on the loop's clock. */
    public long scheduleStart() {
        return startNanos;
    }

    /**
     * Sends every message due before {@code untilNanos} as its time comes, and takes in and records
     * the replies meanwhile, until {@code untilNanos} on the loop's clock or a stop request. Called
     * again, it goes on with the same schedule.
     *
     * @return replies recorded
     */
    public long advance(RoundTripLoop.LatencySink corrected, RoundTripLoop.LatencySink raw, long untilNanos)
            throws IOException {
        long recorded = 0;
        while (!stopRequested) {
            long now = sendDue(clock.nanoTime(), untilNanos);
            if (now - untilNanos >= 0) {
                break;
            }
            long wakeAt = canSendNext() ? Math.min(due(nextMessage), untilNanos) : untilNanos;
            recorded += awaitReplies(wakeAt - now, corrected, raw);
        }
        return recorded;
    }

    /**
     * Sends nothing more and takes in, and records, the replies still in flight, until none is left,
     * the loop is told to stop, or {@code giveUpNanos} passes.
     *
     * @return replies recorded
     */
    public long drain(RoundTripLoop.LatencySink corrected, RoundTripLoop.LatencySink raw, long giveUpNanos)
            throws IOException {
        long recorded = 0;
        while (inFlight > 0 && !stopRequested) {
            long now = clock.nanoTime();
            if (now - giveUpNanos >= 0) {
                break;
            }
            recorded += awaitReplies(giveUpNanos - now, corrected, raw);
        }
        return recorded;
    }

    /** Messages due before {@code untilNanos} that have not been sent: how far behind its schedule the sender is. */
    public long behind(long untilNanos) {
        long due = (long) Math.ceil((untilNanos - startNanos) / intervalNanos);
        return Math.max(0, due - nextMessage);
    }

    /** Messages sent and not yet answered, cut off or given up. */
    public int inFlight() {
        return inFlight;
    }

    private long due(long message) {
        return startNanos + (long) (message * intervalNanos);
    }

    /** Starts every message due by {@code now} (and before {@code untilNanos}) whose connection can take it; returns the clock after. */
    private long sendDue(long now, long untilNanos) throws IOException {
        boolean sent = false;
        while (true) {
            long due = due(nextMessage);
            if (due - now > 0 || due - untilNanos >= 0 || !canSendNext()) {
                return sent ? clock.nanoTime() : now;
            }
            startMessage((int) (nextMessage % n), due);
            nextMessage++;
            sent = true;
        }
    }

    /** Whether the next message's connection can take it now: a free place in its window, nothing half written. */
    private boolean canSendNext() {
        int c = (int) (nextMessage % n);
        return flightCount[c] < WINDOW && !progress[c].sending();
    }

    private void startMessage(int c, long intended) throws IOException {
        long seq = ++sequence;
        int at = c * WINDOW + ((flightHead[c] + flightCount[c]) & (WINDOW - 1));
        flightSequence[at] = seq;
        flightIntended[at] = intended;
        flightCount[c]++;
        inFlight++;
        MessageProgress connection = progress[c];
        connection.startSending(size);
        stamp(seq);
        flightSent[at] = clock.nanoTime();
        counts.sent++;
        if (!connection.sendMore(outgoing)) {
            if (writeIndex[c] == c) {
                readiness.watchReadableAndWritable(c);
            } else {
                readiness.watchWritable(writeIndex[c]);
            }
        }
    }

    /** Sends what connection c takes now of the message it has under way, the newest in its window. */
    private void sendMore(int c) throws IOException {
        MessageProgress connection = progress[c];
        if (!connection.sending()) {
            return;
        }
        stamp(flightSequence[c * WINDOW + ((flightHead[c] + flightCount[c] - 1) & (WINDOW - 1))]);
        if (connection.sendMore(outgoing)) {
            readiness.watchReadable(writeIndex[c]);
        }
    }

    private void stamp(long seq) {
        ByteBuffer out = outgoing.buffer();
        out.putLong(0, seq);
        out.putLong(size - Long.BYTES, seq);
    }

    /**
     * Waits up to {@code waitNanos} for replies (parks until {@link #SPIN_NANOS} before the end, then
     * polls), takes in what came, stamping each as it is whole, then records and checks them all.
     */
    private long awaitReplies(long waitNanos, RoundTripLoop.LatencySink corrected, RoundTripLoop.LatencySink raw)
            throws IOException {
        long wait = Math.min(waitNanos, MAX_WAIT_NANOS);
        if (datagrams) {
            wait = Math.min(wait, nextExpiry - clock.nanoTime());
        }
        int ready = readiness.awaitNanos(wait > SPIN_NANOS ? wait - SPIN_NANOS : 0);
        wholeCount = 0;
        for (int k = 0; k < ready; k++) {
            int index = readiness.readyIndex(k);
            if (index >= n) {
                sendMore(ownerOfWriteIndex(index));
            } else {
                if (writeIndex[index] == index) {
                    sendMore(index);
                }
                takeReplies(index);
            }
        }
        long recorded = recordWhole(corrected, raw);
        if (datagrams) {
            long now = clock.nanoTime();
            if (now - nextExpiry >= 0) {
                expireLost(now);
                nextExpiry = now + expiryStep();
            }
        }
        return recorded;
    }

    /** Datagrams are looked at for cutting off a few times per receive timeout. */
    private long expiryStep() {
        return Math.max(1_000_000, receiveTimeoutNanos / 4);
    }

    private int ownerOfWriteIndex(int index) {
        for (int c = 0; c < n; c++) {
            if (writeIndex[c] == index) {
                return c;
            }
        }
        throw new IllegalStateException("no connection writes through index " + index);
    }

    /** Takes in the replies that have come on connection c, each into a slot of its own, stamping each as it is whole. */
    private void takeReplies(int c) throws IOException {
        MessageProgress connection = progress[c];
        for (int taken = 0; taken < slotCount; taken++) {
            int s = nextSlot[c];
            if (!connection.receiveMore(slots[c][s], size)) {
                return;
            }
            wholeAt[wholeCount] = clock.nanoTime();
            wholeConnection[wholeCount] = c;
            wholeSlot[wholeCount] = s;
            wholeLength[wholeCount] = connection.received();
            wholeCount++;
            connection.startReceiving();
            nextSlot[c] = s + 1 == slotCount ? 0 : s + 1;
        }
    }

    /** Records and checks the replies of the last wait, matching each with the message it answers. */
    private long recordWhole(RoundTripLoop.LatencySink corrected, RoundTripLoop.LatencySink raw) {
        long recorded = 0;
        for (int w = 0; w < wholeCount; w++) {
            int c = wholeConnection[w];
            int s = wholeSlot[w];
            int length = wholeLength[w];
            long seq = length >= Long.BYTES ? slots[c][s].buffer().getLong(0) : -1;
            int position = datagrams ? find(c, seq) : flightCount[c] > 0 ? 0 : -1;
            if (position < 0) {
                countStray(seq);
                continue;
            }
            int at = c * WINDOW + ((flightHead[c] + position) & (WINDOW - 1));
            long fromIntended = wholeAt[w] - flightIntended[at];
            corrected.record(fromIntended);
            raw.record(wholeAt[w] - flightSent[at]);
            perConnection[c].recordValue(Math.min(fromIntended, ManyConnectionLoop.CONNECTION_HIGHEST_NANOS));
            recorded++;
            counts.received++;
            replies.lazySet(++totalReplies);
            check(c, s, length, flightSequence[at]);
            answer(c, position);
        }
        return recorded;
    }

    /** Where in connection c's window the message {@code seq} is, or -1. */
    private int find(int c, long seq) {
        for (int position = 0; position < flightCount[c]; position++) {
            if (flightSequence[c * WINDOW + ((flightHead[c] + position) & (WINDOW - 1))] == seq) {
                return position;
            }
        }
        return -1;
    }

    /** A reply to no message in flight: on a byte stream, a fault; a datagram answering one cut off (late) or answered already. */
    private void countStray(long seq) {
        if (!datagrams) {
            counts.wrongSequence++;
        } else if (seq >= 0 && recentlyLost[(int) (seq % RECENTLY_LOST)] == seq) {
            recentlyLost[(int) (seq % RECENTLY_LOST)] = -1;
            counts.late++;
        } else {
            counts.duplicated++;
        }
    }

    /** Marks the message at {@code position} of connection c's window answered, and frees the answered ones at its head. */
    private void answer(int c, int position) {
        flightSequence[c * WINDOW + ((flightHead[c] + position) & (WINDOW - 1))] = 0;
        while (flightCount[c] > 0 && flightSequence[c * WINDOW + flightHead[c]] == 0) {
            pop(c);
        }
    }

    private void pop(int c) {
        flightHead[c] = (flightHead[c] + 1) & (WINDOW - 1);
        flightCount[c]--;
        inFlight--;
    }

    /** Cuts off the datagrams unanswered past the receive timeout (a message still partly unsent has not been lost). */
    private void expireLost(long now) {
        for (int c = 0; c < n; c++) {
            while (flightCount[c] > 0) {
                int head = c * WINDOW + flightHead[c];
                if (flightSequence[head] == 0) {
                    pop(c); // answered while an older one was still awaited
                    continue;
                }
                boolean halfSent = flightCount[c] == 1 && progress[c].sending();
                if (halfSent || now - flightSent[head] <= receiveTimeoutNanos) {
                    break;
                }
                long seq = flightSequence[head];
                counts.timedOut++;
                recentlyLost[(int) (seq % RECENTLY_LOST)] = seq;
                pop(c);
            }
        }
    }

    private void check(int c, int s, int length, long expected) {
        counts.check(length, size, slots[c][s].buffer(), expected, slotPayloads[c][s], outgoingPayload);
    }

    /** Each connection's histogram, timed from the intended send, since the schedule started. */
    public Histogram[] perConnection() {
        return perConnection.clone();
    }

    /** Releases the epoll descriptor. */
    @Override
    public void close() {
        readiness.close();
    }
}
