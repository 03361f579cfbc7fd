package io.ipcbench.transport;

import java.io.IOException;

/** The peer's listening socket in a connect cell: non-blocking, watched through its poll descriptor. */
public interface DialListener extends AutoCloseable {
    /** Where the client dials: "host:port" or a socket's path. */
    String address();

    int pollDescriptor();

    /**
     * Accepts one waiting connection into {@code slot} (one of {@link Dialing#newConnection}'s, hung
     * up), without waiting: false when none waits. Allocates nothing.
     */
    boolean accept(DialedConnection slot) throws IOException;

    /** Closes the listening socket and removes its socket file, if it has one. */
    @Override
    void close();
}
