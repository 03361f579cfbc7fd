package io.ipcbench.peer;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.Poller;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * Echo over many connections from one thread: an epoll loop that, for each readable connection,
 * reads one whole message and sends it back. One thread rather than one per connection: with
 * hundreds of connections on a two-CPU box, hundreds of threads would measure the scheduler. A
 * connection with no pollable descriptor (the jdk engine's) gets a thread of its own instead.
 */
public final class PollEcho {
    private PollEcho() {
    }

    /** Echoes until any connection reaches its end (the client closes them all together). */
    public static void serve(List<Connection> connections, int size, long delayNanos) throws IOException {
        int[] descriptors = new int[connections.size()];
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = connections.get(i).pollDescriptor();
            if (descriptors[i] < 0) {
                serveOnThreads(connections, size, delayNanos);
                return;
            }
        }
        MessageBuffer buffer = new MessageBuffer(size + Echo.SLACK);
        try (Poller poller = new Poller(descriptors)) {
            while (true) {
                int ready = poller.await(-1);
                for (int k = 0; k < ready; k++) {
                    Connection connection = connections.get(poller.readyIndex(k));
                    int length = connection.receive(buffer, size);
                    if (length == Connection.TIMED_OUT) {
                        continue;
                    }
                    if (delayNanos > 0) {
                        Echo.spin(delayNanos);
                    }
                    connection.send(buffer, length);
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
