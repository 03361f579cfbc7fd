package io.ipcbench.transport;

import java.io.IOException;

/**
 * A connection that is made, used for one request and its reply, and closed, again and again, in
 * one slot: a socket of its own each time, non-blocking, moved in pieces ({@link #sendSome},
 * {@link #receiveSome}) and watched through its {@link #pollDescriptor()}, which changes with every
 * dial. The blocking {@link #send} and {@link #receive} are not offered.
 */
public interface DialedConnection extends Connection {
    /**
     * Opens a new socket and connects it, without waiting: true when it is connected at once (a Unix
     * socket), false when the connection completes later (TCP's handshake), which the poll descriptor
     * turning writable shows; then call {@link #finishDial()}.
     *
     * @throws IOException when it cannot be made, e.g. EADDRNOTAVAIL when no local port is free
     */
    boolean dial() throws IOException;

    /** Once the descriptor is writable after a {@link #dial()} that returned false: throws if the connect failed. */
    void finishDial() throws IOException;

    /**
     * Whether the other side has closed the connection (end of stream, or a reset): false while
     * nothing has arrived. Anything else arriving is an error.
     */
    boolean otherSideClosed() throws IOException;

    /**
     * Closes this side's socket. With {@code reset}, SO_LINGER 0 first: the kernel sends a reset and
     * keeps no TIME_WAIT, which is not what a normal client does. The slot can be dialled again.
     */
    void hangUp(boolean reset);

    @Override
    default void send(MessageBuffer message, int length) {
        throw new UnsupportedOperationException("a dialled connection moves messages in pieces");
    }

    @Override
    default int receive(MessageBuffer message, int length) {
        throw new UnsupportedOperationException("a dialled connection moves messages in pieces");
    }

    @Override
    default int receiveOnce(MessageBuffer message, int maxLength) {
        throw new UnsupportedOperationException("a dialled connection moves messages in pieces");
    }

    /** Hangs up, without a reset, if a connection is open. */
    @Override
    default void close() {
        if (pollDescriptor() >= 0) {
            hangUp(false);
        }
    }
}
