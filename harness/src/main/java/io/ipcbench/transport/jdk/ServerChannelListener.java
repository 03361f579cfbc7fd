package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.TransportOptions;

/**
 * A listening JDK {@link ServerSocketChannel} (TCP or Unix stream): accepts, configures, and waits
 * for the peer's hello. The accept waits on a selector, so that a peer that never comes leaves the
 * listener usable; the hello, read from a blocking channel, is bounded by a {@link Deadline}.
 */
final class ServerChannelListener implements Listener {
    /** Options applied to each accepted channel. */
    @FunctionalInterface
    interface Configurer {
        void configure(SocketChannel channel, TransportOptions options) throws IOException;
    }

    private final ServerSocketChannel server;
    private final String address;
    private final TransportOptions options;
    private final Configurer configurer;
    private final Path socketFile;

    ServerChannelListener(ServerSocketChannel server, String address, TransportOptions options, Configurer configurer,
                          Path socketFile) {
        this.server = server;
        this.address = address;
        this.options = options;
        this.configurer = configurer;
        this.socketFile = socketFile;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Connection accept(long peerPid) throws IOException {
        SocketChannel accepted = acceptWithin();
        try {
            configurer.configure(accepted, options);
            Connection connection = new ChannelStreamConnection(accepted, accepted);
            JdkHello.await(connection, options.connectTimeout(), accepted::close);
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(accepted);
            throw e;
        }
    }

    /**
     * Accepts, waiting on a {@link Selector} at most the connect timeout. (A Unix domain server
     * channel has no socket adaptor, so {@code setSoTimeout} is not an option.) The accepted channel
     * is in blocking mode whatever the server channel's mode.
     */
    private SocketChannel acceptWithin() throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                SocketChannel accepted = server.accept();
                if (accepted != null) {
                    return accepted;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no connection from the peer within "
                            + options.connectTimeout().toMillis() + " ms");
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public void close() {
        Deadline.closeQuietly(server);
        SocketFiles.remove(socketFile);
    }
}
