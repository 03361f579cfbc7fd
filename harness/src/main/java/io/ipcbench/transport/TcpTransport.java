package io.ipcbench.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;

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
            String address = options.bindHost() + ":" + Sockets.localPort(fd);
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
            Sockets.connect(fd, SocketAddressBuffer.inet(parse(address)));
            Connection connection = new FdStreamConnection(fd);
            Hello.send(connection);
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    private void configure(int fd, TransportOptions options) throws IOException {
        Sockets.setInt(fd, Native.IPPROTO_TCP, Native.TCP_NODELAY, options.tcpNoDelay() ? 1 : 0, "TCP_NODELAY");
        SocketListener.applyBufferSizes(fd, options);
    }

    /** "host:port" as a TCP or UDP listener advertises it. */
    public static InetSocketAddress parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, got '" + hostAndPort + "'");
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
