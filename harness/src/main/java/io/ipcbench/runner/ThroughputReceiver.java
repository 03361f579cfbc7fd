package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.MessageProgress;

/**
 * The receiving end of a throughput cell: the peer sends messages one way as fast as it can and
 * this loop takes them in, one message per receive (a stream is read until every byte of the
 * message has arrived), checking the sequence number at each message's start.
 *
 * <p>On a byte stream every sequence number must follow the last. On a datagram socket gaps,
 * repeats and late arrivals are facts to count, not errors: a window of recently seen sequence
 * numbers (a ring of bits, allocated once) tells a duplicate from a late arrival. How many were
 * lost is known only when the peer says how many it sent.
 *
 * <p>A receiver on its own connection blocks in each read ({@link #run}): on a datagram socket one
 * read is one message; on a byte stream each read takes whatever one system call returns, up to a
 * message's size, as a C reader would, and messages are counted as the stream passes their ends
 * (insisting on each message whole would cost a second read, and a second wake-up, whenever the
 * kernel hands over part of one). One of many, served by one thread, takes in whatever has arrived,
 * in pieces, without blocking ({@link #receiveAvailable}).
 *
 * <p>Counts are published with lazy stores, so that a sampler thread can take a throughput time
 * series without stalling the loop. Nothing here allocates, locks or logs.
 */
public final class ThroughputReceiver implements ThroughputCounts {
    private static final int WINDOW = 1 << 16;

    private final Connection connection;
    private final NanoClock clock;
    private final int size;
    private final boolean datagrams;
    private final MessageBuffer incoming;
    private final MessageProgress progress;
    private final long[] seen = new long[WINDOW / Long.SIZE];
    private final AtomicLong publishedMessages = new AtomicLong();
    private final AtomicLong publishedBytes = new AtomicLong();
    private volatile boolean stopRequested;

    /** A sequence number split between two reads of a stream, gathered here. */
    private final ByteBuffer header = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder());
    /** Where the stream stands within the message under way: 0 at a message's first byte. */
    private int streamOffset;

    private long messages;
    private long bytes;
    private long lastArrivalNanos;
    private long lastReceiveNanos;
    private long highest;
    private long duplicated;
    private long reordered;
    private long wrongSize;
    private long wrongSequence;

    public ThroughputReceiver(Connection connection, NanoClock clock, int size, boolean datagrams) {
        this.connection = connection;
        this.clock = clock;
        this.size = size;
        this.datagrams = datagrams;
        this.incoming = MessageBuffer.forReceiving(size);
        this.progress = new MessageProgress(connection, datagrams);
    }

    /** Receives until {@code maxMessages} more have arrived or the deadline passes; returns how many arrived. */
    public long run(long maxMessages, long deadlineNanos) throws IOException {
        long arrived = 0;
        while (arrived < maxMessages && !stopRequested) {
            if (!datagrams) {
                arrived += receiveStream();
            } else if (receiveOne() != Connection.TIMED_OUT) {
                arrived++;
            }
            if (lastReceiveNanos - deadlineNanos >= 0) {
                break;
            }
        }
        return arrived;
    }

    /** Receives one message (or times out, on a datagram socket) and counts it; returns its length or TIMED_OUT. */
    public int receiveOne() throws IOException {
        int length = connection.receive(incoming, size);
        long now = clock.nanoTime();
        lastReceiveNanos = now;
        if (length != Connection.TIMED_OUT) {
            arrived(length, now);
        }
        return length;
    }

    /**
     * Reads what one system call returns from a byte stream, up to a message's size, and counts the
     * messages whose last byte it brings; returns how many.
     *
     * @throws java.io.EOFException when the peer closed the connection
     */
    int receiveStream() throws IOException {
        int length = connection.receiveOnce(incoming, size);
        long now = clock.nanoTime();
        lastReceiveNanos = now;
        ByteBuffer chunk = incoming.buffer();
        int completed = 0;
        int position = 0;
        while (position < length) {
            if (streamOffset < Long.BYTES) {
                // The sequence number at the message's start, whole in this read or gathered across two.
                int take = Math.min(Long.BYTES - streamOffset, length - position);
                if (streamOffset == 0 && take == Long.BYTES) {
                    account(chunk.getLong(position));
                } else {
                    for (int k = 0; k < take; k++) {
                        header.put(streamOffset + k, chunk.get(position + k));
                    }
                    if (streamOffset + take == Long.BYTES) {
                        account(header.getLong(0));
                    }
                }
            }
            int step = Math.min(size - streamOffset, length - position);
            position += step;
            streamOffset += step;
            if (streamOffset == size) {
                streamOffset = 0;
                completed++;
                lastArrivalNanos = now;
                messages++;
                bytes += size;
            }
        }
        if (completed > 0) {
            publishedMessages.lazySet(messages);
            publishedBytes.lazySet(bytes);
        }
        return completed;
    }

    /**
     * Takes in what has arrived without waiting, for a loop that serves many connections: at most
     * the message under way, however many pieces it comes in; counts it once it is whole.
     *
     * @throws java.io.EOFException when the peer closed the connection
     */
    public void receiveAvailable() throws IOException {
        if (progress.receiveMore(incoming, size)) {
            int length = progress.received();
            progress.startReceiving();
            arrived(length, clock.nanoTime());
        }
    }

    private void arrived(int length, long now) {
        lastArrivalNanos = now;
        messages++;
        bytes += length;
        publishedMessages.lazySet(messages);
        publishedBytes.lazySet(bytes);
        if (length != size) {
            wrongSize++;
        } else {
            account(incoming.buffer().getLong(0));
        }
    }

    private void account(long sequence) {
        if (!datagrams) {
            if (sequence != highest + 1) {
                wrongSequence++;
            }
            highest = sequence;
            return;
        }
        if (sequence <= 0) {
            wrongSequence++;
            return;
        }
        if (sequence <= highest - WINDOW) {
            reordered++; // too old to tell; it did arrive out of order
            return;
        }
        int bit = (int) (sequence & (WINDOW - 1));
        long mask = 1L << (bit & 63);
        if (sequence > highest) {
            // Numbers skipped over may still arrive, late: clear their bits (a gap wider than the
            // window clears it all).
            for (long s = Math.max(highest + 1, sequence - WINDOW + 1); s < sequence; s++) {
                clear(s);
            }
            highest = sequence;
            seen[bit >>> 6] |= mask;
        } else if ((seen[bit >>> 6] & mask) != 0) {
            duplicated++;
        } else {
            reordered++;
            seen[bit >>> 6] |= mask;
        }
    }

    private void clear(long sequence) {
        int bit = (int) (sequence & (WINDOW - 1));
        seen[bit >>> 6] &= ~(1L << (bit & 63));
    }

    /** When the last message arrived, on this receiver's clock (0 if none has). */
    public long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    public void requestStop() {
        stopRequested = true;
    }

    /** Messages received since this receiver was made, readable from any thread. */
    @Override
    public long messages() {
        return publishedMessages.get();
    }

    /** Bytes received since this receiver was made, readable from any thread. */
    @Override
    public long bytes() {
        return publishedBytes.get();
    }

    /** Distinct messages received (duplicates not counted): with the peer's count, what was lost. */
    public long distinctMessages() {
        return messages - duplicated - wrongSize;
    }

    public long duplicated() {
        return duplicated;
    }

    public long reordered() {
        return reordered;
    }

    public IntegrityErrors integrityErrors() {
        return new IntegrityErrors(wrongSize, wrongSequence, 0);
    }
}
