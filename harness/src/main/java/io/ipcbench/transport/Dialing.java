package io.ipcbench.transport;

import java.io.IOException;

/**
 * The sockets of a connect cell, where every request opens a connection of its own (as netperf's
 * TCP_CRR does): the peer's listening socket, and connections that are dialled, used for one
 * request and its reply, and closed, again and again, from one thread that never blocks. Offered by
 * the transports whose kind sets up connections ({@link TransportKind#setsUpConnections()}) on an
 * engine whose descriptors can be polled: {@link Transport#dialing()}.
 */
public interface Dialing {
    /**
     * Peer side: a non-blocking listening socket for the dialled connections, where the client can
     * reach it: beside the control connection {@code control} (its own address, for TCP; a path in
     * the private directory, for a Unix socket).
     */
    DialListener listen(Connection control, TransportOptions options) throws IOException;

    /**
     * A connection slot: on the client it dials {@code address} afresh for each request
     * ({@link DialedConnection#dial()}); on the peer a {@link DialListener} fills it with what it accepts.
     * Made once; dialling, moving a message and hanging up allocate nothing.
     */
    DialedConnection newConnection(String address) throws IOException;
}
