package io.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * One connected, two-way channel between the client and its peer: the whole of what a measured
 * loop touches. Implementations must not allocate, lock or log in {@link #send}, {@link #receive},
 * {@link #sendSome} and {@link #receiveSome}.
 *
 * <p>A message moves whole and blocking ({@link #send}, {@link #receive}), for a loop that serves
 * one connection; or in pieces and never blocking ({@link #sendSome}, {@link #receiveSome}), for a
 * loop that serves several from one thread, or keeps several messages in flight, and must never
 * wait on one direction while the other could move. A socket with a {@link #pollDescriptor()}
 * moves messages in pieces as it is; a pair of pipes once {@link #moveInPieces()} has readied it.
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

    /**
     * Sends as much of bytes {@code offset} to {@code offset + length} of {@code message} as the
     * channel takes now, without waiting, and returns how many went: 0 when none would go now (the
     * poll descriptor then signals when some would). A datagram goes whole or not at all.
     */
    default int sendSome(MessageBuffer message, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("this connection moves whole messages only");
    }

    /**
     * Receives what has arrived, up to {@code length} bytes into {@code message} at {@code offset},
     * without waiting, and returns how many bytes came: 0 when none has. A datagram arrives whole:
     * one datagram, whatever its length up to {@code length} (a zero-length datagram, which nothing
     * here sends, reads as none).
     *
     * @throws java.io.EOFException when the other side closed the channel
     */
    default int receiveSome(MessageBuffer message, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("this connection moves whole messages only");
    }

    /** Reads whatever one system call returns, up to {@code maxLength}: for probing how reads split writes. */
    int receiveOnce(MessageBuffer message, int maxLength) throws IOException;

    /**
     * Closes the sending direction where it is a descriptor of its own (a pipe, a FIFO), so that
     * the other side reads end-of-file there; a no-op on a socket, which is one descriptor.
     */
    default void closeOutput() {
    }

    /**
     * The file descriptor a poll loop waits on to see this connection readable or writable, or -1
     * if the connection has no single one (then a caller serving many connections gives each a
     * thread, or refuses).
     */
    default int pollDescriptor() {
        return -1;
    }

    /**
     * Readies this connection to move messages in pieces ({@link #sendSome}, {@link #receiveSome})
     * and returns the descriptors to wait on: the reading one, then the writing one. A socket is one
     * descriptor, given twice, and needs nothing: each call says not to wait. A pair of pipes is two
     * descriptors, which this makes non-blocking (a pipe has no such flag per call); whole-message
     * {@link #send} and {@link #receive} must not be used on it after. Null if the connection cannot
     * move in pieces.
     */
    default int[] moveInPieces() throws IOException {
        int descriptor = pollDescriptor();
        return descriptor < 0 ? null : new int[] {descriptor, descriptor};
    }

    /** The poll descriptors of several connections, in their order; a caller serving them from one thread needs every one. */
    static int[] pollDescriptors(List<Connection> connections) {
        int[] descriptors = new int[connections.size()];
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = connections.get(i).pollDescriptor();
            if (descriptors[i] < 0) {
                throw new IllegalArgumentException("several connections need pollable descriptors (the raw engine)");
            }
        }
        return descriptors;
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
