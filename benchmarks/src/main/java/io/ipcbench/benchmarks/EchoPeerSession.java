package io.ipcbench.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import io.ipcbench.transport.Transports;

/**
 * An echo peer process and the connection to it, set up the way the harness sets up a cell
 * ({@code PingPongRunner.runCell}): a fresh private directory, the transport's listener, the peer
 * started by the harness's launcher, the peer's hello. Closing it closes the connection first (on
 * the pipe transport the peer only sees end-of-file once our own copy of its stdin is closed), then
 * stops the peer, then removes the directory.
 */
final class EchoPeerSession implements AutoCloseable {
    private static final long PEER_EXIT_WAIT_MILLIS = 500;

    private final PrivateDirectory directory;
    private final PeerHandle peer;
    private final Connection connection;

    private EchoPeerSession(PrivateDirectory directory, PeerHandle peer, Connection connection) {
        this.directory = directory;
        this.peer = peer;
        this.connection = connection;
    }

    /**
     * Starts a peer and connects to it. Call it from a thread that is not pinned: the peer process
     * inherits the CPU mask of the thread that starts it, and all of its threads but the echo thread
     * (which pins itself to {@code peerCpu}) should be free to run anywhere, as in the harness.
     *
     * @param peerCpu CPU for the peer's echo thread, or null to leave it to the scheduler
     */
    static EchoPeerSession open(TransportKind kind, Engine engine, int size, Integer peerCpu) throws IOException {
        return open(kind, engine, size, peerCpu, new ProcessPeerLauncher());
    }

    static EchoPeerSession open(TransportKind kind, Engine engine, int size, Integer peerCpu, PeerLauncher launcher)
            throws IOException {
        PrivateDirectory directory = PrivateDirectory.create();
        PeerHandle peer = null;
        try {
            TransportOptions options = TransportOptions.defaults(directory.path(), size);
            Transport transport = Transports.of(kind, engine);
            try (Listener listener = transport.listen(options)) {
                peer = launcher.launch(new PeerSpec(kind, engine, listener.address(), options, peerCpu, 0),
                        transport.usesPeerStdio());
                try {
                    Connection connection = listener.accept(peer.pid());
                    return new EchoPeerSession(directory, peer, connection);
                } catch (IOException | RuntimeException e) {
                    throw new IOException("could not connect to the " + kind + " peer: " + explain(e, peer), e);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            if (peer != null) {
                peer.close();
            }
            directory.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    PeerHandle peer() {
        return peer;
    }

    /** The private directory of socket files and FIFOs (and the peer's log). */
    Path directory() {
        return directory.path();
    }

    /** Why an operation on the connection failed, in words: the peer's death, or the error itself. */
    String explain(Exception e) {
        return explain(e, peer);
    }

    private static String explain(Exception e, PeerHandle peer) {
        // A peer that has just died closes its end (end-of-file, or ECONNRESET when a message was
        // still unread) before the JVM has reaped it: give it a moment to be seen dead.
        long waitUntil = System.nanoTime() + PEER_EXIT_WAIT_MILLIS * 1_000_000L;
        while (peer.isAlive() && System.nanoTime() - waitUntil < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (peer.isAlive()) {
            return message;
        }
        String words = peer.lastWords();
        return "the peer exited with code " + peer.exitCode().orElse(-1)
                + (words.isEmpty() ? "" : " (it said: " + words + ")") + " [" + message + "]";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            try {
                peer.close();
            } finally {
                directory.close();
            }
        }
    }
}
