package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The measured loop of a ping-pong cell: stamp, send, receive the echo, stamp, record, check.
 *
 * <pre>
 *   client (this loop)                          peer ({@link io.ipcbench.peer.Echo})
 *   t0 = nanoTime()
 *   send [seq | payload | seq]  ──────────────►  receive
 *                               ◄──────────────  send it back whole
 *   receive, t1 = nanoTime(), record t1 - t0
 *   check length, sequence number and every byte (outside the timed part)
 * </pre>
 *
 * <p>Inside the timed part there is one check only: on a datagram transport the reply's first
 * sequence number is read, to tell a late reply to an earlier message from the one awaited.
 *
 * <p>Nothing here allocates, locks or logs: buffers and views are made once in the constructor, the
 * sink is an HdrHistogram recorder (wait-free), and progress is published with a lazy store.
 *
 * <p>On a datagram transport a reply may never come: after the receive timeout the round trip is
 * cut off and the next message goes out. A reply whose sequence number is older than the one
 * awaited is discarded: counted {@code late} if its round trip was cut off (once: it is then no
 * longer lost), else {@code duplicated}.
 */
public final class OneConnectionLoop extends MeasuredLoop implements RoundTripLoop {
    private static final int RECENTLY_LOST = 64;

    private final Connection connection;
    private final NanoClock clock;
    private final int size;
    private final boolean datagrams;
    private final MessageBuffer outgoing;
    private final MessageBuffer incoming;
    private final ByteBuffer outgoingPayload;
    private final ByteBuffer incomingPayload;
    private final long[] recentlyLost = new long[RECENTLY_LOST];

    private long sequence;
    private long totalReplies;

    public OneConnectionLoop(Connection connection, NanoClock clock, int size, boolean datagrams) {
        this.connection = connection;
        this.clock = clock;
        this.size = size;
        this.datagrams = datagrams;
        this.outgoing = new MessageBuffer(size);
        this.incoming = MessageBuffer.forReceiving(size);
        RoundTripLoop.fillPayload(outgoing.buffer(), size);
        this.outgoingPayload = RoundTripLoop.payload(outgoing, size);
        this.incomingPayload = RoundTripLoop.payload(incoming, size);
        java.util.Arrays.fill(recentlyLost, -1);
    }

    /** What the message buffers take, at {@code size} bytes a message. */
    static long bufferBytes(int size) {
        return size + MessageBuffer.receivingBytes(size);
    }

    @Override
    public long run(LatencySink sink, long maxRoundTrips, long deadlineNanos) throws IOException {
        final Connection connection = this.connection;
        final NanoClock clock = this.clock;
        final int size = this.size;
        final ByteBuffer out = outgoing.buffer();
        final ByteBuffer in = incoming.buffer();
        final int trailer = size - Long.BYTES;
        long recorded = 0;
        for (long i = 0; i < maxRoundTrips && !stopRequested; i++) {
            final long seq = ++sequence;
            out.putLong(0, seq);
            out.putLong(trailer, seq);

            final long start = clock.nanoTime();
            connection.send(outgoing, size);
            counts.sent++;
            int length = connection.receive(incoming, size);
            while (datagrams && length >= Long.BYTES && in.getLong(0) < seq && length != Connection.TIMED_OUT) {
                discardOldReply(in.getLong(0));
                length = connection.receive(incoming, size);
            }
            final long end = clock.nanoTime();

            if (length == Connection.TIMED_OUT) {
                counts.timedOut++;
                recentlyLost[(int) (seq % RECENTLY_LOST)] = seq;
            } else {
                sink.record(end - start);
                recorded++;
                counts.received++;
                replies.lazySet(++totalReplies);
                check(length, seq, in);
            }
            if (end - deadlineNanos >= 0) {
                break;
            }
        }
        return recorded;
    }

    private void check(int length, long seq, ByteBuffer in) {
        counts.check(length, size, in, seq, incomingPayload, outgoingPayload);
    }

    private void discardOldReply(long replySequence) {
        if (recentlyLost[(int) (replySequence % RECENTLY_LOST)] == replySequence) {
            recentlyLost[(int) (replySequence % RECENTLY_LOST)] = -1;
            counts.late++;
        } else {
            counts.duplicated++;
        }
    }

}
