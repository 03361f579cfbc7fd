package io.ipcbench.transport.raw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * Unix domain datagram sockets, one bound path per side in the cell's private directory. Unlike
 * UDP, a full receive queue blocks the sender instead of dropping.
 */
public final class UnixDatagramTransport implements Transport {
    private static final AtomicLong NEXT_LISTENER = new AtomicLong();

    @Override
    public TransportKind kind() {
        return TransportKind.UNIX_DGRAM;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        // One listener per connection in a many-connection cell: each needs a path of its own.
        Path path = options.privateDirectory().resolve("client-" + NEXT_LISTENER.incrementAndGet() + ".sock");
        int fd = Sockets.socket(Native.AF_UNIX, Native.SOCK_DGRAM);
        try {
            SocketListener.applyBufferSizes(fd, options);
            Sockets.bind(fd, SocketAddressBuffer.unix(path));
            return new DatagramListener(fd, path.toString(), options, path, new DatagramListener.PeerAddress() {
                @Override
                public SocketAddressBuffer apply(long helloDetail) throws IOException {
                    return SocketAddressBuffer.unix(peerPath(path));
                }

                @Override
                public Path socketFile() {
                    return peerPath(path);
                }
            });
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    /** The peer binds beside the client's socket, so the client knows where to connect. */
    static Path peerPath(Path clientPath) {
        return clientPath.resolveSibling("peer-of-" + clientPath.getFileName());
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        Path client = Path.of(address);
        Path own = peerPath(client);
        int fd = Sockets.socket(Native.AF_UNIX, Native.SOCK_DGRAM);
        try {
            SocketListener.applyBufferSizes(fd, options);
            Sockets.bind(fd, SocketAddressBuffer.unix(own));
            Sockets.connect(fd, SocketAddressBuffer.unix(client));
            Connection connection = new FdDatagramConnection(fd, false);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            SocketFiles.remove(own);
            throw e;
        }
    }
}
