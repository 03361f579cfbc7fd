package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Unix domain datagram sockets through junixsocket's {@link AFUNIXDatagramChannel} (the JDK has
 * none), with direct buffers: the channel path, not {@code DatagramPacket}, which copies through
 * heap arrays. One bound path per side in the cell's private directory; the peer binds beside the
 * client's socket, so the client knows where to connect (the sender address junixsocket reports
 * for a received datagram is not one {@code connect} accepts).
 *
 * <p>The receive timeout is the socket's SO_RCVTIMEO, set through {@code setSoTimeout}: junixsocket
 * then answers a read that timed out with -1, at no cost to a read that did not.
 */
final class JdkUnixDatagramTransport implements Transport {
    static final String CLIENT_SOCKET = "client.sock";

    @Override
    public TransportKind kind() {
        return TransportKind.UNIX_DGRAM;
    }

    /** The peer binds beside the client's socket, so the client knows where to connect. */
    static Path peerPath(Path clientPath) {
        return clientPath.resolveSibling("peer-of-" + clientPath.getFileName());
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        Path path = options.privateDirectory().resolve(CLIENT_SOCKET);
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        try {
            SocketOptions.applyBufferSizes(channel, options);
            channel.bind(AFUNIXSocketAddress.of(path));
            return new UnixDatagramListener(channel, path, options);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        Path client = Path.of(address);
        Path own = peerPath(client);
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        try {
            SocketOptions.applyBufferSizes(channel, options);
            channel.bind(AFUNIXSocketAddress.of(own));
            channel.connect(AFUNIXSocketAddress.of(client));
            Connection connection = ChannelDatagramConnection.datagrams(channel);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            SocketFiles.remove(own);
            throw e;
        }
    }

    /** The client's bound channel, until the peer's hello shows that the peer's socket exists. */
    private static final class UnixDatagramListener implements Listener {
        private final AFUNIXDatagramChannel channel;
        private final Path path;
        private final TransportOptions options;
        private boolean handedOver;
        private int strangers;

        UnixDatagramListener(AFUNIXDatagramChannel channel, Path path, TransportOptions options) {
            this.channel = channel;
            this.path = path;
            this.options = options;
        }

        @Override
        public String address() {
            return path.toString();
        }

        @Override
        public Connection accept(long peerPid) throws IOException {
            if (handedOver) {
                throw new IllegalStateException("a datagram listener serves one peer socket");
            }
            Connection connection = ChannelDatagramConnection.datagrams(channel);
            awaitHello(connection);
            channel.connect(AFUNIXSocketAddress.of(peerPath(path)));
            channel.socket().setSoTimeout(SocketOptions.millis(options.receiveTimeout()));
            handedOver = true;
            return connection;
        }

        /** Takes datagrams until one is the peer's hello; a stranger's is dropped and counted. */
        private void awaitHello(Connection connection) throws IOException {
            long deadline = System.nanoTime() + options.connectTimeout().toNanos();
            while (true) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    throw new SocketTimeoutException("no " + Hello.AWAITED + " within "
                            + options.connectTimeout().toMillis() + " ms (" + strangers
                            + " strangers' datagrams dropped)");
                }
                channel.socket().setSoTimeout(SocketOptions.millis(left));
                try {
                    Hello.receive(connection, left, options.secret());
                    return;
                } catch (Hello.StrangerException stranger) {
                    strangers++;
                }
            }
        }

        @Override
        public int strangers() {
            return strangers;
        }

        @Override
        public void close() {
            if (!handedOver) {
                Deadline.closeQuietly(channel);
            }
            SocketFiles.remove(path);
        }
    }
}
