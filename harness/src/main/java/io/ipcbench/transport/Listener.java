package io.ipcbench.transport;

import java.io.Closeable;
import java.io.IOException;

/** The client side of a transport before the peer has connected. */
public interface Listener extends Closeable {
    /** What the peer needs to find the client: a port, a path, a directory. */
    String address();

    /**
     * Waits for the peer to connect and say hello, up to the options' connect timeout.
     *
     * @param peerPid the peer process, which the pipe transport needs to find its standard streams
     */
    Connection accept(long peerPid) throws IOException;

    /** Releases what {@link #listen} took (a listening socket, socket files); open connections stay. */
    @Override
    void close();
}
