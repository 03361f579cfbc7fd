package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;

import io.ipcbench.transport.Connection;
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
            JdkHello.send(connection, 0);
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }

    /** The listening seqpacket socket: accepts (bounded by SO_TIMEOUT), configures, awaits the hello. */
    private static final class SeqpacketListener implements Listener {
        private final AFUNIXDatagramChannel server;
        private final Path path;
        private final TransportOptions options;

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
        public Connection accept(long peerPid) throws IOException {
            AFDatagramChannel<AFUNIXSocketAddress> accepted;
            server.socket().setSoTimeout(SocketOptions.millis(options.connectTimeout()));
            try {
                accepted = server.socket().accept().getChannel();
            } catch (SocketTimeoutException e) {
                SocketTimeoutException timedOut = new SocketTimeoutException("no connection from the peer within "
                        + options.connectTimeout().toMillis() + " ms");
                timedOut.initCause(e);
                throw timedOut;
            }
            try {
                SocketOptions.applyBufferSizes(accepted, options);
                Connection connection = ChannelDatagramConnection.seqpackets(accepted);
                JdkHello.await(connection, options.connectTimeout(), accepted::close);
                return connection;
            } catch (IOException | RuntimeException e) {
                Deadline.closeQuietly(accepted);
                throw e;
            }
        }

        @Override
        public void close() {
            Deadline.closeQuietly(server);
            SocketFiles.remove(path);
        }
    }
}
