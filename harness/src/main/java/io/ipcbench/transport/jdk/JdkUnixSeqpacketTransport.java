package io.ipcbench.transport.jdk;

import java.io.EOFException;
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
import org.newsclub.net.unix.AFDatagramChannel;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A Unix domain seqpacket socket through junixsocket, which models it as a datagram channel of
 * type {@link AFSocketType#SOCK_SEQPACKET} that can listen and accept (the JDK has no seqpacket
 * sockets). Connection-oriented like a stream, yet each send arrives as one message.
 */
final class JdkUnixSeqpacketTransport implements Transport {
    static final String SOCKET_FILE = "unix-seqpacket.sock";

    @Override
    public TransportKind kind() {
        return TransportKind.UNIX_SEQPACKET;
    }

    private static AFUNIXDatagramChannel open() throws IOException {
        return AFUNIXSelectorProvider.getInstance().openDatagramChannel(AFSocketType.SOCK_SEQPACKET);
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        Path path = options.privateDirectory().resolve(SOCKET_FILE);
        AFUNIXDatagramChannel server = open();
        try {
            server.bind(AFUNIXSocketAddress.of(path));
            server.socket().listen(SocketOptions.BACKLOG);
            return new SeqpacketListener(server, path, options);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(server);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        AFUNIXDatagramChannel channel = open();
        try {
            SocketOptions.applyBufferSizes(channel, options);
            channel.connect(AFUNIXSocketAddress.of(Path.of(address)));
            Connection connection = ChannelDatagramConnection.seqpackets(channel);
            Hello.send(connection, options.secret());
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The listening seqpacket socket: accepts (bounded by SO_TIMEOUT), configures, awaits the hello.
     * A connection whose first message is not the peer's hello is closed and counted, and the wait
     * goes on until the connect timeout. junixsocket's channel is read blocking here, one candidate
     * at a time: one that says nothing holds the wait up to the timeout (the socket's path is in a
     * directory only this user may enter).
     */
    private static final class SeqpacketListener implements Listener {
        private final AFUNIXDatagramChannel server;
        private final Path path;
        private final TransportOptions options;
        private int strangers;

        SeqpacketListener(AFUNIXDatagramChannel server, Path path, TransportOptions options) {
            this.server = server;
            this.path = path;
            this.options = options;
        }

        @Override
        public String address() {
            return path.toString();
        }

        @Override
        public int strangers() {
            return strangers;
        }

        @Override
        public Connection accept(long peerPid) throws IOException {
            long deadline = System.nanoTime() + options.connectTimeout().toNanos();
            while (true) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                AFDatagramChannel<AFUNIXSocketAddress> accepted = acceptWithin(left);
                try {
                    SocketOptions.applyBufferSizes(accepted, options);
                    Connection connection = ChannelDatagramConnection.seqpackets(accepted);
                    Deadline.within(left, Hello.AWAITED, accepted::close,
                            () -> Hello.receive(connection, left, options.secret()));
                    return connection;
                } catch (Hello.StrangerException | EOFException stranger) {
                    Deadline.closeQuietly(accepted);
                    strangers++;
                } catch (IOException | RuntimeException e) {
                    Deadline.closeQuietly(accepted);
                    throw e;
                }
            }
        }

        private AFDatagramChannel<AFUNIXSocketAddress> acceptWithin(Duration left) throws IOException {
            try {
                if (left.isNegative() || left.isZero()) {
                    throw new SocketTimeoutException();
                }
                server.socket().setSoTimeout(SocketOptions.millis(left));
                return server.socket().accept().getChannel();
            } catch (SocketTimeoutException e) {
                SocketTimeoutException timedOut = new SocketTimeoutException("no connection from the peer said its "
                        + "hello within " + options.connectTimeout().toMillis() + " ms"
                        + (strangers > 0 ? " (" + strangers + " strangers turned away)" : ""));
                timedOut.initCause(e);
                throw timedOut;
            }
        }

        @Override
        public void close() {
            Deadline.closeQuietly(server);
            SocketFiles.remove(path);
        }
    }
}
