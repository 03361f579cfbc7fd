package io.ipcbench.transport.raw;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Dialing;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/** A Unix domain stream socket on a path in the cell's private directory. */
public final class UnixStreamTransport implements Transport {
    private final TransportKind kind;
    private final int socketType;

    public UnixStreamTransport() {
        this(TransportKind.UNIX_STREAM, Native.SOCK_STREAM);
    }

    /** Shared with {@link UnixSeqpacketTransport}: the same set-up with another socket type. */
    UnixStreamTransport(TransportKind kind, int socketType) {
        this.kind = kind;
        this.socketType = socketType;
    }

    @Override
    public TransportKind kind() {
        return kind;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        Path path = options.privateDirectory().resolve(kind.label() + ".sock");
        int fd = Sockets.socket(Native.AF_UNIX, socketType);
        try {
            Sockets.bind(fd, SocketAddressBuffer.unix(path));
            Sockets.listen(fd, TransportOptions.LISTEN_BACKLOG);
            return new SocketListener(fd, path.toString(), options, SocketListener::applyBufferSizes,
                    kind.preservesBoundaries(), path);
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    @Override
    public Dialing dialing() {
        return FdDialing.unix(socketType);
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        int fd = Sockets.socket(Native.AF_UNIX, socketType);
        try {
            SocketListener.applyBufferSizes(fd, options);
            Sockets.connect(fd, SocketAddressBuffer.unix(Path.of(address)));
            Connection connection = kind.preservesBoundaries()
                    ? new FdDatagramConnection(fd, true)
                    : new FdStreamConnection(fd);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }
}
