package io.ipcbench.transport;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import io.ipcbench.os.Sockets;

/**
 * The first message on every channel, peer to client, the same for both engines: a magic number,
 * the session's {@link Secret}, and a detail (the peer's UDP port, else 0). It tells the client
 * that the peer is up and connected, and for UDP where it is; the secret tells the client that the
 * connection is its peer's, since any local process can connect to a listening socket first.
 *
 * <pre>
 *   0      8                24       32
 *   | MAGIC | secret (16 B)  | detail |
 * </pre>
 *
 * <p>A listener that reads a wrong hello turns that connection or datagram away as a stranger
 * ({@link Listener#strangers()}) and keeps waiting for its peer until the connect timeout.
 */
public final class Hello {
    public static final int LENGTH = 32;
    /** "IPCBENCH" read as a little-endian long. */
    public static final long MAGIC = 0x48434E4542435049L;
    /** What a listener waits for, in its timeout's message. */
    public static final String AWAITED = "hello from the peer";
    private static final int SECRET_OFFSET = 8;
    private static final int DETAIL_OFFSET = SECRET_OFFSET + Secret.LENGTH;

    private Hello() {
    }

    /** A first message that is not the peer's hello: a stranger's, or a peer's that is not ours. */
    public static final class StrangerException extends ProtocolException {
        public StrangerException(String message) {
            super(message);
        }
    }

    /** Sends the hello with no detail. */
    public static void send(Connection connection, Secret secret) throws IOException {
        send(connection, secret, 0);
    }

    /** Sends the hello with a detail for the client, such as the peer's UDP port. */
    public static void send(Connection connection, Secret secret, long detail) throws IOException {
        MessageBuffer hello = new MessageBuffer(LENGTH);
        hello.buffer().putLong(0, MAGIC).putLong(DETAIL_OFFSET, detail);
        secret.writeTo(hello.buffer(), SECRET_OFFSET);
        connection.send(hello, LENGTH);
    }

    /**
     * Checks a received first message of {@code length} bytes and returns its detail.
     *
     * @throws StrangerException when it is not a hello carrying {@code secret}
     */
    public static long check(ByteBuffer received, int length, Secret secret) throws StrangerException {
        // The hello is written in native order (a MessageBuffer's); the buffer it was read into may have another.
        ByteBuffer message = received.duplicate().order(ByteOrder.nativeOrder());
        if (length != LENGTH || message.getLong(0) != MAGIC) {
            throw new StrangerException("the first message was not a hello (" + length + " bytes)");
        }
        if (!secret.isIn(message, SECRET_OFFSET)) {
            throw new StrangerException("the hello did not carry the session's secret");
        }
        return message.getLong(DETAIL_OFFSET);
    }

    /**
     * Reads the hello from a connection whose receive gives up by itself (returns
     * {@link Connection#TIMED_OUT} after its receive timeout) or blocks until it comes; checks it
     * and returns its detail.
     *
     * @throws SocketTimeoutException when nothing came within {@code timeout}
     */
    public static long receive(Connection connection, Duration timeout, Secret secret) throws IOException {
        MessageBuffer hello = MessageBuffer.forReceiving(LENGTH);
        long deadline = System.nanoTime() + timeout.toNanos();
        int length = connection.receive(hello, LENGTH);
        // A read can come back empty before its timeout (a signal, a spurious wake-up): only the deadline ends the wait.
        while (length == Connection.TIMED_OUT && System.nanoTime() - deadline < 0) {
            length = connection.receive(hello, LENGTH);
        }
        if (length == Connection.TIMED_OUT) {
            throw new SocketTimeoutException("no " + AWAITED + " within " + timeout.toMillis() + " ms");
        }
        return check(hello.buffer(), length, secret);
    }

    /**
     * Waits up to {@code timeout} for the hello on {@code fd}, reads and checks it, and returns its
     * detail: for a channel only the peer can reach (a pipe, a FIFO), where a wrong hello is a fault.
     */
    public static long await(Connection connection, int fd, Duration timeout, Secret secret) throws IOException {
        Sockets.awaitReadable(fd, timeout, AWAITED);
        MessageBuffer hello = MessageBuffer.forReceiving(LENGTH);
        int length = connection.receive(hello, LENGTH);
        return check(hello.buffer(), length, secret);
    }

    /**
     * Reads the hello from a channel only the peer can reach where it has arrived (one without a
     * descriptor to wait on, which waits its own way, as a shared-memory ring), checks it and
     * returns its detail.
     */
    public static long read(Connection connection, Secret secret) throws IOException {
        MessageBuffer hello = MessageBuffer.forReceiving(LENGTH);
        int length = connection.receive(hello, LENGTH);
        return check(hello.buffer(), length, secret);
    }
}
