package io.ipcbench.transport.raw;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.TransportOptions;

/**
 * A listening stream or seqpacket socket: accepts, configures, and waits for the peer's hello.
 * Shared by TCP, Unix stream and Unix seqpacket, which differ only in how they bind.
 */
final class SocketListener implements Listener {

    /** Options applied to each accepted socket. */
    interface Configurer {
        void configure(int fd, TransportOptions options) throws IOException;
    }

    private final int fd;
    private final String address;
    private final TransportOptions options;
    private final Configurer configurer;
    private final boolean boundaries;
    private final Path socketFile;

    SocketListener(int fd, String address, TransportOptions options, Configurer configurer) {
        this(fd, address, options, configurer, false, null);
    }

    SocketListener(int fd, String address, TransportOptions options, Configurer configurer,
                   boolean boundaries, Path socketFile) {
        this.fd = fd;
        this.address = address;
        this.options = options;
        this.configurer = configurer;
        this.boundaries = boundaries;
        this.socketFile = socketFile;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Connection accept(long peerPid) throws IOException {
        int accepted = Sockets.accept(fd, options.connectTimeout(), "connection from the peer");
        try {
            configurer.configure(accepted, options);
            Connection connection = boundaries
                    ? new FdDatagramConnection(accepted, true)
                    : new FdStreamConnection(accepted);
            Hello.await(connection, accepted, options.connectTimeout());
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(accepted);
            throw e;
        }
    }

    @Override
    public void close() {
        Sockets.close(fd);
        SocketFiles.remove(socketFile);
    }

    /** SO_SNDBUF and SO_RCVBUF, when the options ask for a size. */
    static void applyBufferSizes(int fd, TransportOptions options) throws IOException {
        if (options.sendBufferBytes() > 0) {
            Sockets.setInt(fd, Native.SOL_SOCKET, Native.SO_SNDBUF, options.sendBufferBytes(), "SO_SNDBUF");
        }
        if (options.receiveBufferBytes() > 0) {
            Sockets.setInt(fd, Native.SOL_SOCKET, Native.SO_RCVBUF, options.receiveBufferBytes(), "SO_RCVBUF");
        }
    }
}
