package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The jdk engine's first message, peer to client: the same 16 bytes as the raw engine's (a magic
 * number, then a detail such as the peer's UDP port), so that "hello received" means "the peer is
 * connected and ready" for both engines. Waiting for it is bounded by a {@link Deadline}, since
 * blocking channels have no read timeout.
 */
final class JdkHello {
    static final int LENGTH = io.ipcbench.transport.Hello.LENGTH;
    static final long MAGIC = io.ipcbench.transport.Hello.MAGIC;
    static final String AWAITED = "hello from the peer";

    private JdkHello() {
    }

    static void send(Connection connection, long detail) throws IOException {
        MessageBuffer hello = new MessageBuffer(LENGTH);
        hello.buffer().putLong(0, MAGIC).putLong(8, detail);
        connection.send(hello, LENGTH);
    }

    /** Reads the hello, giving up after {@code timeout} by running {@code abort}; returns its detail. */
    static long await(Connection connection, Duration timeout, Deadline.Abort abort) throws IOException {
        return Deadline.within(timeout, AWAITED, abort, () -> receive(connection, timeout));
    }

    /**
     * Reads the hello from a connection whose receive gives up by itself (returns
     * {@link Connection#TIMED_OUT} after {@code timeout}); returns its detail.
     */
    static long receive(Connection connection, Duration timeout) throws IOException {
        MessageBuffer hello = new MessageBuffer(64);
        long deadline = System.nanoTime() + timeout.toNanos();
        int length = connection.receive(hello, LENGTH);
        // A read can come back empty before its timeout (a signal, a spurious wake-up): only the deadline ends the wait.
        while (length == Connection.TIMED_OUT && System.nanoTime() - deadline < 0) {
            length = connection.receive(hello, LENGTH);
        }
        if (length == Connection.TIMED_OUT) {
            throw new SocketTimeoutException("no " + AWAITED + " within " + timeout.toMillis() + " ms");
        }
        return check(hello.buffer(), length);
    }

    /** Checks a received hello and returns its detail. */
    static long check(ByteBuffer hello, int length) throws ProtocolException {
        if (length != LENGTH || hello.getLong(0) != MAGIC) {
            throw new ProtocolException("the peer's first message was not a hello (" + length + " bytes)");
        }
        return hello.getLong(8);
    }
}
