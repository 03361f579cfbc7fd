package io.ipcbench.peer;

import java.io.IOException;
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
