package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/** TCP through blocking {@link SocketChannel}s, TCP_NODELAY as the options say. */
final class JdkTcpTransport implements Transport {
    @Override
    public TransportKind kind() {
        return TransportKind.TCP;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(options.bindHost(), 0), SocketOptions.BACKLOG);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            return new ServerChannelListener(server, HostAndPort.format(options.bindHost(), port), options, SocketOptions::applyTcp,
                    null);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(server);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            SocketOptions.applyTcp(channel, options);
            Deadline.within(options.connectTimeout(), "connection to " + address, channel::close,
                    () -> channel.connect(HostAndPort.parse(address)));
            Connection connection = new ChannelStreamConnection(channel, channel);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }
}
