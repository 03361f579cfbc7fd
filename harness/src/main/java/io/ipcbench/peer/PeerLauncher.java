package io.ipcbench.peer;

import java.io.IOException;
import java.util.List;

/** Starts a peer that will connect to the client and echo. */
public interface PeerLauncher {
    /**
     * Starts the peer.
     *
     * @param stdioChannel whether the transport talks over the peer's standard input and output
     */
    PeerHandle launch(PeerSpec spec, boolean stdioChannel) throws IOException;

    /** The options a peer's JVM is started with; empty for a peer that runs in this JVM. */
    default List<String> jvmFlags() {
        return List.of();
    }
}
