package io.ipcbench.transport.raw;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.DialListener;
import io.ipcbench.transport.DialedConnection;
import io.ipcbench.transport.Dialing;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.TransportOptions;

/**
 * A connect cell's sockets over libc, for TCP ({@link #inet()}) and for Unix stream and seqpacket
 * sockets ({@link #unix(int)}): they differ only in the address family and how an address is
 * written. Dialled connections get no socket options: one request and one reply each way never
 * meet Nagle's delay, and every option set would be one more system call in what is timed.
 */
final class FdDialing implements Dialing {
    /** The peer's listening socket for dialled connections, in the cell's private directory. */
    static final String UNIX_SOCKET_FILE = "dial.sock";

    private final int domain;
    private final int type;

    private FdDialing(int domain, int type) {
        this.domain = domain;
        this.type = type;
    }

    /** TCP over IPv4. */
    static FdDialing inet() {
        return new FdDialing(Native.AF_INET, Native.SOCK_STREAM);
    }

    /** A Unix domain socket of {@code type}: stream or seqpacket. */
    static FdDialing unix(int type) {
        return new FdDialing(Native.AF_UNIX, type);
    }

    @Override
    public DialListener listen(Connection control, TransportOptions options) throws IOException {
        int fd = Sockets.socket(domain, type | Native.SOCK_NONBLOCK);
        try {
            if (domain == Native.AF_INET) {
                // Where the control connection reached this peer, the client reaches it again: loopback, or a link.
                String host = Sockets.localAddress(control.pollDescriptor()).getAddress().getHostAddress();
                Sockets.bind(fd, SocketAddressBuffer.inet(new InetSocketAddress(host, 0)));
                Sockets.listen(fd, TransportOptions.LISTEN_BACKLOG);
                return new FdDialListener(fd, HostAndPort.format(host, Sockets.localPort(fd)), null);
            }
            Path path = options.privateDirectory().resolve(UNIX_SOCKET_FILE);
            Sockets.bind(fd, SocketAddressBuffer.unix(path));
            Sockets.listen(fd, TransportOptions.LISTEN_BACKLOG);
            return new FdDialListener(fd, path.toString(), path);
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    @Override
    public DialedConnection newConnection(String address) throws IOException {
        SocketAddressBuffer target = domain == Native.AF_INET ? SocketAddressBuffer.inet(HostAndPort.parse(address))
                : SocketAddressBuffer.unix(Path.of(address));
        return new FdDialedConnection(domain, type, target);
    }
}
