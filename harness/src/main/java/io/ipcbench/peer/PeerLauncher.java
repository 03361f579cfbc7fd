package io.ipcbench.peer;

import java.io.IOException;
import java.util.List;

/**
 * Starts a peer: a process of its own ({@link ProcessPeerLauncher}) or a stand-in in this JVM for
 * tests ({@link ThreadPeerLauncher}). The peer connects to the address in its {@link PeerSpec}
 * and plays the spec's role: echo, source, or a probe's part. Everything that needs a peer starts
 * it through a {@link PeerSession}, which makes the listeners it connects to.
 */
public interface PeerLauncher {
    /**
     * Starts the peer and returns at once, without waiting for it to connect.
     *
     * @param stdioChannel whether the transport talks over the peer's standard input and output
     */
    PeerHandle launch(PeerSpec spec, boolean stdioChannel) throws IOException;

    /** The options a peer's JVM is started with; empty for a peer that runs in this JVM. */
    default List<String> jvmFlags() {
        return List.of();
    }
}
