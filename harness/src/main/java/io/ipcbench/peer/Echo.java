package io.ipcbench.peer;

import java.io.EOFException;
import java.io.IOException;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The peer's loop: receive a message, send it back whole, until the client closes the channel.
 * Allocation-free after the buffer is made.
 */
public final class Echo {
    private Echo() {
    }

    /** What the message buffer takes, at {@code size} bytes a message. */
    static long bufferBytes(int size) {
        return MessageBuffer.receivingBytes(size);
    }

    /**
     * Echoes until the client goes away.
     *
     * @param delayNanos busy-wait this long before each reply (0: none)
     * @return messages echoed
     */
    public static long serve(Connection connection, int size, long delayNanos) throws IOException {
        MessageBuffer buffer = MessageBuffer.forReceiving(size);
        long echoed = 0;
        try {
            while (true) {
                int length = connection.receive(buffer, size);
                if (length == Connection.TIMED_OUT) {
                    continue;
                }
                if (delayNanos > 0) {
                    spin(delayNanos);
                }
                connection.send(buffer, length);
                echoed++;
            }
        } catch (EOFException clientClosed) {
            return echoed;
        }
    }

    /** Busy-waits rather than sleeps: a sleep's wake-up would add the scheduler's own latency. */
    static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }
}
