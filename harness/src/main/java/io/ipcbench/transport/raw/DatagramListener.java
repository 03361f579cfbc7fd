package io.ipcbench.transport.raw;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.TransportOptions;

/**
 * The client's bound datagram socket (UDP or Unix datagram). The peer's hello says where the peer
 * is (its UDP port; a Unix peer binds a path the client can derive); the client then connects to
 * it, so that both sides use plain send and recv and the kernel filters out anything else.
 */
final class DatagramListener implements Listener {
    private final int fd;
    private final String address;
    private final TransportOptions options;
    private final Path socketFile;
    private final PeerAddress peerAddress;
    private boolean handedOver;

    /** Where the peer's socket is, given what its hello said (a UDP port; nothing for a Unix path). */
    interface PeerAddress {
        SocketAddressBuffer apply(long helloDetail) throws IOException;

        /** The peer's socket file, for Unix datagram sockets; null for UDP. */
        default Path socketFile() {
            return null;
        }
    }

    DatagramListener(int fd, String address, TransportOptions options, Path socketFile, PeerAddress peerAddress) {
        this.fd = fd;
        this.peerAddress = peerAddress;
        this.address = address;
        this.options = options;
        this.socketFile = socketFile;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Connection accept(long peerPid) throws IOException {
        if (handedOver) {
            throw new IllegalStateException("a datagram listener serves one peer socket");
        }
        FdDatagramConnection connection = new FdDatagramConnection(fd, false);
        long peerPort = Hello.await(connection, fd, options.connectTimeout());
        Sockets.connect(fd, peerAddress.apply(peerPort));
        Sockets.setReceiveTimeout(fd, options.receiveTimeout());
        handedOver = true;
        // Connected sockets no longer need their paths: remove both now, so none outlives the cell.
        SocketFiles.remove(socketFile);
        SocketFiles.remove(peerAddress.socketFile());
        return connection;
    }

    @Override
    public void close() {
        if (!handedOver) {
            Sockets.close(fd);
        }
        SocketFiles.remove(socketFile);
    }

}
