package io.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * The client side of a transport before the peer has connected. A listening socket can be reached
 * by any local process (and, bound to another address, by other hosts): a connection or datagram
 * whose first message is not the peer's {@link Hello} is closed or dropped and counted, and the
 * wait for the peer goes on.
 */
public interface Listener extends Closeable {
    /** What the peer needs to find the client: a port, a path, a directory. */
    String address();

    /**
     * Waits for the peer to connect and say hello, up to the options' connect timeout.
     *
     * @param peerPid the peer process, which the pipe transport needs to find its standard streams
     *                and a Unix socket checks against the connecting process (SO_PEERCRED); -1 for
     *                a peer that is no process of its own
     */
    Connection accept(long peerPid) throws IOException;

    /** Connections and datagrams turned away so far because their first message was not the peer's hello. */
    default int strangers() {
        return 0;
    }

    /**
     * The peer's connections are all in: whatever else waits on the listener (a connection that has
     * not said its hello) is a stranger, turned away and counted now.
     */
    default void turnAwayTheRest() {
    }

    /** Releases what {@link #listen} took (a listening socket, socket files); open connections stay. */
    @Override
    void close();
}
