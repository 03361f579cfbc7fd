package io.ipcbench.transport.raw;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.TransportOptions;

/**
 * The client's bound datagram socket (UDP or Unix datagram). It takes the first datagram that is
 * the peer's hello (anything else, from anyone, is dropped and counted as a stranger), and then
 * connects to where the peer is, so that both sides use plain send and recv and the kernel filters
 * out anything else.
 */
final class DatagramListener implements Listener {
    private final int fd;
    private final String address;
    private final TransportOptions options;
    private final Path socketFile;
    private final PeerAddress peerAddress;
    private boolean handedOver;
    private int strangers;

    /** Where the peer's socket is, given what its hello said (where a UDP peer is; nothing for a Unix path). */
    interface PeerAddress {
        SocketAddressBuffer apply(long helloDetail) throws IOException;

        /** The peer's socket file, for Unix datagram sockets; null for UDP. */
        default Path socketFile() {
            return null;
        }
    }

    DatagramListener(int fd, String address, TransportOptions options, Path socketFile, PeerAddress peerAddress) {
        this.fd = fd;
        this.peerAddress = peerAddress;
        this.address = address;
        this.options = options;
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
        if (handedOver) {
            throw new IllegalStateException("a datagram listener serves one peer socket");
        }
        long detail = awaitHello();
        Sockets.connect(fd, peerAddress.apply(detail));
        Sockets.setReceiveTimeout(fd, options.receiveTimeout());
        handedOver = true;
        // Connected sockets no longer need their paths: remove both now, so none outlives the cell.
        SocketFiles.remove(socketFile);
        SocketFiles.remove(peerAddress.socketFile());
        return new FdDatagramConnection(fd, false);
    }

    /** Takes datagrams until one is the peer's hello, within the connect timeout; returns its detail. */
    private long awaitHello() throws IOException {
        Duration timeout = options.connectTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        MessageBuffer hello = MessageBuffer.forReceiving(Hello.LENGTH);
        Connection unconnected = new FdDatagramConnection(fd, false);
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new SocketTimeoutException("no " + Hello.AWAITED + " within " + timeout.toMillis() + " ms"
                        + (strangers > 0 ? " (" + strangers + " strangers' datagrams dropped)" : ""));
            }
            try {
                Sockets.awaitReadable(fd, left, Hello.AWAITED);
            } catch (SocketTimeoutException e) {
                continue;
            }
            int length = unconnected.receiveSome(hello, 0, hello.capacity());
            if (length == 0) {
                continue;
            }
            try {
                return Hello.check(hello.buffer(), length, options.secret());
            } catch (Hello.StrangerException stranger) {
                strangers++;
            }
        }
    }

    @Override
    public void close() {
        if (!handedOver) {
            Sockets.close(fd);
        }
        SocketFiles.remove(socketFile);
    }

}
