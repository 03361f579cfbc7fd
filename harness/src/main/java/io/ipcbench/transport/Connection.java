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

    @Override
    void close();
}
