package io.ipcbench.peer;

import java.io.IOException;

/** Starts a peer that will connect to the client and echo. */
public interface PeerLauncher {
    /**
     * Starts the peer.
     *
     * @param stdioChannel whether the transport talks over the peer's standard input and output
     */
    PeerHandle launch(PeerSpec spec, boolean stdioChannel) throws IOException;
}
