package io.ipcbench.peer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The peer's side of a throughput cell: send messages of the cell's size, each with its sequence
 * number, as fast as the channel takes them, until told to stop or the client goes away.
 */
public final class Source {
    /** What was sent: the client needs it to count datagrams lost on the way. */
    public record Sent(long messages, long bytes) {
    }

    private Source() {
    }

    /** What the message buffers of {@code connections} connections take, one per sending thread. */
    static long bufferBytes(int connections, int size) {
        return (long) connections * size;
    }

    /**
     * Sends on every connection at once, a thread each (a blocked send on one must not starve the
     * others), and returns what each sent, in connection order.
     */
    public static List<Sent> serveAll(List<Connection> connections, int size, BooleanSupplier stop, long count) {
        if (connections.size() == 1) {
            return List.of(serve(connections.get(0), size, stop, count));
        }
        List<CompletableFuture<Sent>> sending = new ArrayList<>();
        for (Connection connection : connections) {
            CompletableFuture<Sent> sent = new CompletableFuture<>();
            Thread thread = new Thread(() -> sent.complete(serve(connection, size, stop, count)), "source");
            thread.setDaemon(true);
            thread.start();
            sending.add(sent);
        }
        return sending.stream().map(CompletableFuture::join).toList();
    }

    /** Sends until stopped, or until {@code count} messages have gone (0: no count). */
    public static Sent serve(Connection connection, int size, BooleanSupplier stop, long count) {
        long limit = count > 0 ? count : Long.MAX_VALUE;
        MessageBuffer buffer = new MessageBuffer(size);
        long sequence = 0;
        long sent = 0;
        try {
            while (sent < limit && !stop.getAsBoolean()) {
                buffer.buffer().putLong(0, ++sequence);
                connection.send(buffer, size);
                sent++;
            }
        } catch (IOException clientGone) {
            // The client closed its end: the cell is over.
        }
        return new Sent(sent, sent * size);
    }
}
