package io.ipcbench.benchmarks;

import io.ipcbench.peer.PeerSession;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;

/**
 * Stands in for a JMH fork in {@link NoOrphanPeerTest}: starts a peer the way a benchmark's set-up
 * does, prints its process id and private directory, and waits to be killed.
 */
public final class OrphanCheckMain {
    private OrphanCheckMain() {
    }

    public static void main(String[] args) throws Exception {
        PeerSession session = EchoPeerState.startPeer(TransportKind.fromLabel(args[0]), Engine.RAW, 64, null);
        System.out.println("peer " + session.peer().pid() + " " + session.directory());
        System.out.flush();
        Thread.sleep(60_000);
        session.close();
    }
}
