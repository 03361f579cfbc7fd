package io.ipcbench.transport.raw;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Dialing;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/** TCP over IPv4, by default on 127.0.0.1, with TCP_NODELAY on unless turned off. */
public final class TcpTransport implements Transport {
    @Override
    public TransportKind kind() {
        return TransportKind.TCP;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        int fd = Sockets.socket(Native.AF_INET, Native.SOCK_STREAM);
        try {
            Sockets.bind(fd, SocketAddressBuffer.inet(new InetSocketAddress(options.bindHost(), 0)));
            Sockets.listen(fd, TransportOptions.LISTEN_BACKLOG);
            String address = HostAndPort.format(options.bindHost(), Sockets.localPort(fd));
            return new SocketListener(fd, address, options, this::configure);
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        int fd = Sockets.socket(Native.AF_INET, Native.SOCK_STREAM);
        try {
            configure(fd, options);
            Sockets.connect(fd, SocketAddressBuffer.inet(HostAndPort.parse(address)));
            Connection connection = new FdStreamConnection(fd);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    @Override
    public Dialing dialing() {
        return FdDialing.inet();
    }

    private void configure(int fd, TransportOptions options) throws IOException {
        Sockets.setInt(fd, Native.IPPROTO_TCP, Native.TCP_NODELAY, options.tcpNoDelay() ? 1 : 0, "TCP_NODELAY");
        SocketListener.applyBufferSizes(fd, options);
    }
}
