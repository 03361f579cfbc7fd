package io.ipcbench.runner;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;

import io.ipcbench.os.Poller;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The receiving end of a throughput cell, over one connection or many, each with its own
 * {@link ThroughputReceiver} (sequence numbers run per connection). Many connections are served by
 * one epoll loop that takes in whatever has arrived on each ready one, in pieces, never waiting on
 * one connection for the rest of a message while others have data; a connection that reaches its
 * end is dropped from the epoll set. A single connection is read directly, whole messages at a
 * time, since a wait before every read would be measured too.
 */
final class ThroughputReceivers implements ThroughputCounts, AutoCloseable {
    private static final int POLL_MILLIS = 50;

    private final ThroughputReceiver[] receivers;
    /** Null for a single connection. */
    private final Poller poller;
    private final boolean[] ended;
    private final NanoClock clock;
    private volatile boolean stopRequested;
    private int open;

    ThroughputReceivers(List<Connection> connections, NanoClock clock, int size, boolean datagrams)
            throws IOException {
        this.clock = clock;
        this.receivers = new ThroughputReceiver[connections.size()];
        for (int i = 0; i < receivers.length; i++) {
            receivers[i] = new ThroughputReceiver(connections.get(i), clock, size, datagrams);
        }
        this.poller = receivers.length == 1 ? null : new Poller(Connection.pollDescriptors(connections));
        this.ended = new boolean[receivers.length];
        this.open = receivers.length;
    }

    /**
     * Receives from every connection until {@code maxMessages} more have arrived in all, the
     * deadline passes, or all have ended; returns whether any is still open.
     */
    boolean run(long maxMessages, long deadlineNanos) throws IOException {
        if (poller == null) {
            try {
                receivers[0].run(maxMessages, deadlineNanos);
            } catch (EOFException end) {
                ended[0] = true;
                open = 0;
            }
            return open > 0;
        }
        long until = maxMessages == Long.MAX_VALUE ? Long.MAX_VALUE : messages() + maxMessages;
        while (open > 0 && !stopRequested && messages() < until) {
            int ready = poller.await(POLL_MILLIS);
            for (int k = 0; k < ready; k++) {
                int i = poller.readyIndex(k);
                if (!ended[i]) {
                    try {
                        receivers[i].receiveAvailable();
                    } catch (EOFException end) {
                        ended[i] = true;
                        poller.ignore(i);
                        open--;
                    }
                }
            }
            if (clock.nanoTime() - deadlineNanos >= 0) {
                break;
            }
        }
        return open > 0;
    }

    /** What the message buffers of {@code connections} connections take, an incoming message each. */
    static long bufferBytes(int connections, int size) {
        return connections * MessageBuffer.receivingBytes(size);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
    }

    void requestStop() {
        stopRequested = true;
        for (ThroughputReceiver receiver : receivers) {
            receiver.requestStop();
        }
    }

    ThroughputReceiver receiver(int index) {
        return receivers[index];
    }

    int size() {
        return receivers.length;
    }

    @Override
    public long messages() {
        long sum = 0;
        for (ThroughputReceiver receiver : receivers) {
            sum += receiver.messages();
        }
        return sum;
    }

    @Override
    public long bytes() {
        long sum = 0;
        for (ThroughputReceiver receiver : receivers) {
            sum += receiver.bytes();
        }
        return sum;
    }

    IntegrityErrors integrityErrors() {
        long wrongSize = 0;
        long wrongSequence = 0;
        for (ThroughputReceiver receiver : receivers) {
            wrongSize += receiver.integrityErrors().wrongSize();
            wrongSequence += receiver.integrityErrors().wrongSequence();
        }
        return new IntegrityErrors(wrongSize, wrongSequence, 0);
    }
}
