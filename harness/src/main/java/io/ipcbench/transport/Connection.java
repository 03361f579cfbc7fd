package io.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * One connected, two-way channel between the client and its peer: the whole of what a measured
 * loop touches. Implementations must not allocate, lock or log in {@link #send} and {@link #receive}.
 */
public interface Connection extends Closeable {
    /** Returned by {@link #receive} when a datagram did not arrive within the receive timeout. */
    int TIMED_OUT = -1;

    /** Sends the first {@code length} bytes of {@code message} as one message. */
    void send(MessageBuffer message, int length) throws IOException;

    /**
     * Receives one message into {@code message} and returns its length. On a byte stream this reads
     * exactly {@code length} bytes, however the kernel splits them; on a datagram transport it reads
     * one datagram, whatever its size (up to the buffer's capacity), or returns {@link #TIMED_OUT}.
     *
     * @throws java.io.EOFException when the other side closed the channel
     */
    int receive(MessageBuffer message, int length) throws IOException;

    /** Reads whatever one system call returns, up to {@code maxLength}: for probing how reads split writes. */
    int receiveOnce(MessageBuffer message, int maxLength) throws IOException;

    /**
     * Closes the sending direction where it is a descriptor of its own (a pipe, a FIFO), so that
     * the other side reads end-of-file there; a no-op on a socket, which is one descriptor.
     */
    default void closeOutput() {
    }

    /**
     * The file descriptor a poll loop waits on to see this connection readable, or -1 if the
     * connection has none (then a caller serving many connections gives each a thread).
     */
    default int pollDescriptor() {
        return -1;
    }

    /** The socket buffer sizes the kernel granted, or null where there is no socket. */
    default BufferSizes bufferSizes() {
        return null;
    }

    /** SO_SNDBUF and SO_RCVBUF as read back from the kernel, in bytes. */
    record BufferSizes(int send, int receive) {
    }

    @Override
    void close();
}
