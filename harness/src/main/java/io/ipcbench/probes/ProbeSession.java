package io.ipcbench.probes;

import java.io.IOException;
import java.time.Duration;

import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerRole;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import io.ipcbench.transport.Transports;

/** A connection to a fresh peer process, for one probe; closing it stops the peer and removes its directory. */
final class ProbeSession implements AutoCloseable {
    private final PrivateDirectory directory;
    private final Listener listener;
    private final PeerHandle peer;
    private final Connection connection;

    private ProbeSession(PrivateDirectory directory, Listener listener, PeerHandle peer, Connection connection) {
        this.directory = directory;
        this.listener = listener;
        this.peer = peer;
        this.connection = connection;
    }

    static ProbeSession open(PeerLauncher launcher, TransportKind kind, int size, boolean tcpNoDelay,
                             PeerRole role, Duration receiveTimeout) throws IOException {
        return open(launcher, kind, size, tcpNoDelay, TransportOptions.DEFAULT_BIND_HOST, role, 0, receiveTimeout);
    }

    /** A session whose listener binds {@code bindHost}; a source peer sends {@code count} messages (0: until stopped). */
    static ProbeSession open(PeerLauncher launcher, TransportKind kind, int size, boolean tcpNoDelay, String bindHost,
                             PeerRole role, long count, Duration receiveTimeout) throws IOException {
        PrivateDirectory directory = PrivateDirectory.create();
        Listener listener = null;
        PeerHandle peer = null;
        try {
            TransportOptions options = new TransportOptions(directory.path(), size, tcpNoDelay,
                    bindHost, TransportOptions.DEFAULT_CONNECT_TIMEOUT, receiveTimeout, 0, 0);
            Transport transport = Transports.of(kind, Engine.RAW);
            listener = transport.listen(options);
            peer = launcher.launch(new PeerSpec(kind, Engine.RAW, listener.address(), options, null, 0, role, 1, count),
                    transport.usesPeerStdio());
            return new ProbeSession(directory, listener, peer, listener.accept(peer.pid()));
        } catch (IOException | RuntimeException e) {
            if (peer != null) {
                peer.close();
            }
            if (listener != null) {
                listener.close();
            }
            directory.close();
            throw e;
        }
    }

    boolean peerAlive() {
        return peer.isAlive();
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        peer.close();
        listener.close();
        directory.close();
    }
}
