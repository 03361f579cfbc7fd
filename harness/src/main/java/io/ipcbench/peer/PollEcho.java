package io.ipcbench.peer;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.Poller;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.MessageProgress;

/**
 * Echo over many connections from one thread: an epoll loop that takes in each message, in as
 * many pieces as it comes, and once it is whole sends it back, in as many pieces as the socket
 * takes, watching that connection for writing until the echo has gone. Nothing blocks: a thread
 * that blocked writing an echo on one connection would wait for ever on a client that blocked
 * writing its next message on another. One thread rather than one per connection: with hundreds of
 * connections on a two-CPU box, hundreds of threads would measure the scheduler. A connection with
 * no pollable descriptor (the jdk engine's) gets a thread of its own instead.
 */
public final class PollEcho {
    private PollEcho() {
    }

    /** What the message buffers of {@code connections} connections take, at {@code size} bytes a message. */
    static long bufferBytes(int connections, int size) {
        return connections * Echo.bufferBytes(size);
    }

    /**
     * Echoes until any connection reaches its end (the client closes them all together).
     *
     * @param datagrams whether the connections keep message boundaries
     */
    public static void serve(List<Connection> connections, int size, boolean datagrams, long delayNanos)
            throws IOException {
        if (connections.stream().anyMatch(connection -> connection.pollDescriptor() < 0)) {
            serveOnThreads(connections, size, delayNanos);
            return;
        }
        int n = connections.size();
        MessageProgress[] progress = new MessageProgress[n];
        MessageBuffer[] buffers = new MessageBuffer[n];
        for (int i = 0; i < n; i++) {
            progress[i] = new MessageProgress(connections.get(i), datagrams);
            buffers[i] = MessageBuffer.forReceiving(size);
        }
        try (Poller poller = new Poller(Connection.pollDescriptors(connections))) {
            while (true) {
                int ready = poller.await(-1);
                for (int k = 0; k < ready; k++) {
                    int i = poller.readyIndex(k);
                    MessageProgress connection = progress[i];
                    if (connection.sending()) {
                        if (connection.sendMore(buffers[i])) {
                            poller.watchReadable(i);
                        }
                    } else if (connection.receiveMore(buffers[i], size)) {
                        if (delayNanos > 0) {
                            Echo.spin(delayNanos);
                        }
                        connection.startSending(connection.received());
                        connection.startReceiving();
                        if (!connection.sendMore(buffers[i])) {
                            poller.watchWritable(i);
                        }
                    }
                }
            }
        } catch (EOFException clientClosed) {
            // Done.
        }
    }

    private static void serveOnThreads(List<Connection> connections, int size, long delayNanos) {
        List<Thread> threads = new ArrayList<>();
        for (Connection connection : connections) {
            Thread thread = new Thread(() -> {
                try {
                    Echo.serve(connection, size, delayNanos);
                } catch (IOException e) {
                    System.err.println("ipcbench-peer: " + e.getMessage());
                }
            }, "echo");
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.DAYS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
