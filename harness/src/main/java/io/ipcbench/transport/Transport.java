package io.ipcbench.transport;

import java.io.IOException;

/**
 * How one kind of IPC opens a channel between the client and its peer process. A transport knows
 * how to open, send, receive and close, and nothing else: no histograms, files or results.
 *
 * <p>The client side calls {@link #listen} before the peer starts, hands {@link Listener#address()}
 * to the peer, and then {@link Listener#accept}s; the peer calls {@link #connect} with that address.
 * Every transport ends its set-up with a hello message from the peer, so that when {@code accept}
 * returns, the peer is known to be ready.
 */
public interface Transport {
    TransportKind kind();

    /** Client side: makes ready for the peer to connect. */
    Listener listen(TransportOptions options) throws IOException;

    /** Peer side: connects to the address the client's listener advertised. */
    Connection connect(String address, TransportOptions options) throws IOException;

    /**
     * The sockets a connect cell dials afresh for every request; null where this transport on this
     * engine has none (its kind sets up no connections, or the engine's descriptors cannot be polled).
     */
    default Dialing dialing() {
        return null;
    }

    /** Whether the peer talks over its standard input and output (then it must never print to stdout). */
    default boolean usesPeerStdio() {
        return false;
    }
}
