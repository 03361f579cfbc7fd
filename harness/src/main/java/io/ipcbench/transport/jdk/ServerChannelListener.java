package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.TransportOptions;

/**
 * A listening JDK {@link ServerSocketChannel} (TCP or Unix stream): accepts, configures, and waits
 * for the peer's hello. Any local process can connect first, so the listening channel and every
 * candidate connection wait on one {@link Selector}, each candidate's hello read as it comes, without
 * blocking: the first that carries the session's secret is the peer's, and is handed over in
 * blocking mode; the rest are closed and counted as strangers. (The JDK gives no process id for a
 * Unix stream socket's other end, so the secret alone decides.)
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
    private int strangers;

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
    public int strangers() {
        return strangers;
    }

    @Override
    public Connection accept(long peerPid) throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        List<SocketChannel> candidates = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no connection from the peer said its hello within "
                            + options.connectTimeout().toMillis() + " ms" + (strangers > 0 ? " (" + strangers
                            + " strangers turned away)" : ""));
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.channel() == server) {
                        admit(selector, candidates);
                    } else if (readHello(key, candidates)) {
                        SocketChannel peer = (SocketChannel) key.channel();
                        key.cancel();
                        selector.selectNow(); // a channel leaves blocking mode's ban once its key is gone
                        peer.configureBlocking(true);
                        candidates.remove(peer);
                        return new ChannelStreamConnection(peer, peer);
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            candidates.forEach(this::turnAway);
        }
    }

    private void admit(Selector selector, List<SocketChannel> candidates) throws IOException {
        SocketChannel accepted = server.accept();
        if (accepted == null) {
            return;
        }
        try {
            configurer.configure(accepted, options);
            accepted.configureBlocking(false);
            accepted.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(Hello.LENGTH));
            candidates.add(accepted);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(accepted);
            throw e;
        }
    }

    /** Reads what has come of a candidate's hello; true when it is whole and the peer's. Turns away the rest. */
    private boolean readHello(SelectionKey key, List<SocketChannel> candidates) {
        SocketChannel candidate = (SocketChannel) key.channel();
        ByteBuffer hello = (ByteBuffer) key.attachment();
        try {
            if (candidate.read(hello) < 0) {
                throw new Hello.StrangerException("closed before its hello");
            }
            if (hello.hasRemaining()) {
                return false;
            }
            Hello.check(hello, Hello.LENGTH, options.secret());
            return true;
        } catch (IOException | RuntimeException stranger) {
            candidates.remove(candidate);
            turnAway(candidate);
            return false;
        }
    }

    private void turnAway(SocketChannel candidate) {
        Deadline.closeQuietly(candidate);
        strangers++;
    }

    @Override
    public void close() {
        Deadline.closeQuietly(server);
        SocketFiles.remove(socketFile);
    }
}
