package io.ipcbench.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;

import io.ipcbench.os.Sockets;

/**
 * The first message on every channel, peer to client: a magic number and a detail (the peer's
 * UDP port, else 0). It tells the client that the peer is up and connected, and for UDP where it is.
 */
public final class Hello {
    public static final int LENGTH = 16;
    /** "IPCBENCH" read as a little-endian long. */
    public static final long MAGIC = 0x48434E4542435049L;

    private Hello() {
    }

    public static void send(Connection connection) throws IOException {
        send(connection, 0);
    }

    /** Sends the hello with a detail for the client, such as the peer's UDP port. */
    public static void send(Connection connection, long detail) throws IOException {
        MessageBuffer hello = new MessageBuffer(LENGTH);
        hello.buffer().putLong(0, MAGIC).putLong(8, detail);
        connection.send(hello, LENGTH);
    }

    /** Waits up to {@code timeout} for the hello on {@code fd}, reads and checks it, and returns its detail. */
    public static long await(Connection connection, int fd, Duration timeout) throws IOException {
        Sockets.awaitReadable(fd, timeout, "hello from the peer");
        return read(connection);
    }

    /**
     * Reads the hello from a connection where it has arrived (for a channel without a descriptor
     * to wait on, which waits its own way), checks it, and returns its detail.
     */
    public static long read(Connection connection) throws IOException {
        MessageBuffer hello = new MessageBuffer(64);
        int length = connection.receive(hello, LENGTH);
        if (length != LENGTH || hello.buffer().getLong(0) != MAGIC) {
            throw new ProtocolException("the peer's first message was not a hello (" + length + " bytes)");
        }
        return hello.buffer().getLong(8);
    }
}
