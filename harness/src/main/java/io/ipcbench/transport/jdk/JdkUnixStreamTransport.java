package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * A Unix domain stream socket through the JDK's own {@link SocketChannel} for
 * {@link StandardProtocolFamily#UNIX} (JDK 16 and later), on a path in the cell's private directory.
 *
 * <p>The JDK's channel rather than junixsocket's: they make the same system calls per message
 * (one {@code read}, one {@code write}), and in a two-process 64 B ping-pong on this machine
 * kind the JDK's was the faster of the two (see the package documentation), and it is what a Java
 * 17 application would reach for first, with no extra library.
 */
final class JdkUnixStreamTransport implements Transport {
    static final String SOCKET_FILE = "unix-stream.sock";

    @Override
    public TransportKind kind() {
        return TransportKind.UNIX_STREAM;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        Path path = options.privateDirectory().resolve(SOCKET_FILE);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path), SocketOptions.BACKLOG);
            return new ServerChannelListener(server, path.toString(), options, SocketOptions::applyBufferSizes, path);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(server);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            SocketOptions.applyBufferSizes(channel, options);
            Deadline.within(options.connectTimeout(), "connection to " + address, channel::close,
                    () -> channel.connect(UnixDomainSocketAddress.of(address)));
            Connection connection = new ChannelStreamConnection(channel, channel);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }
}
