package io.ipcbench.os;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.lang.ref.Reference;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Socket set-up through libc: creating, binding, connecting, accepting and options. None of this
 * is on a measured path, so it may allocate freely; the data path lives in the connections.
 */
public final class Sockets {
    /** sun_path is 108 bytes on Linux, including the terminating NUL. */
    public static final int UNIX_PATH_MAX = 107;

    private Sockets() {
    }

    public static int socket(int domain, int type) throws IOException {
        return Native.check(LIBC.socket(domain, type | Native.SOCK_CLOEXEC, 0), "socket()");
    }

    public static void bind(int fd, SocketAddressBuffer address) throws IOException {
        Native.check(LIBC.bind(fd, address.address(), address.length()), "bind(" + address + ")");
    }

    public static void listen(int fd, int backlog) throws IOException {
        Native.check(LIBC.listen(fd, backlog), "listen()");
    }

    public static void connect(int fd, SocketAddressBuffer address) throws IOException {
        Native.check(LIBC.connect(fd, address.address(), address.length()), "connect(" + address + ")");
    }

    /**
     * Blocks until {@code fd} is readable, or throws a {@link java.net.SocketTimeoutException}
     * naming what was awaited. Retries on EINTR.
     */
    public static void awaitReadable(int fd, Duration timeout, String waitingFor) throws IOException {
        ByteBuffer pollFd = Native.allocate(8);
        pollFd.putInt(0, fd).putShort(4, Native.POLLIN).putShort(6, (short) 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long leftMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                int ready = LIBC.poll(Native.address(pollFd), 1, (int) Math.min(Integer.MAX_VALUE, leftMillis));
                if (ready > 0) {
                    return;
                }
                if (ready < 0) {
                    int errno = Native.errno();
                    if (errno != Native.EINTR) {
                        throw Native.failure("poll()", errno);
                    }
                } else if (leftMillis == 0) {
                    throw new java.net.SocketTimeoutException(
                            "no " + waitingFor + " within " + timeout.toMillis() + " ms");
                }
            }
        } finally {
            Reference.reachabilityFence(pollFd);
        }
    }

    public static void setInt(int fd, int level, int option, int value, String name) throws IOException {
        ByteBuffer buffer = Native.allocate(4);
        buffer.putInt(0, value);
        Native.check(LIBC.setsockopt(fd, level, option, Native.address(buffer), 4), "setsockopt(" + name + ")");
        Reference.reachabilityFence(buffer);
    }

    public static int getInt(int fd, int level, int option, String name) throws IOException {
        ByteBuffer buffer = Native.allocate(8);
        ByteBuffer length = Native.allocate(4);
        length.putInt(0, 4);
        Native.check(LIBC.getsockopt(fd, level, option, Native.address(buffer), Native.address(length)),
                "getsockopt(" + name + ")");
        Reference.reachabilityFence(length);
        return buffer.getInt(0);
    }

    /** SO_RCVTIMEO: a blocking receive returns EAGAIN after this long. Zero means wait forever. */
    public static void setReceiveTimeout(int fd, Duration timeout) throws IOException {
        ByteBuffer timeval = Native.allocate(16);
        timeval.putLong(0, timeout.toSeconds()).putLong(8, timeout.toNanosPart() / 1000);
        Native.check(LIBC.setsockopt(fd, Native.SOL_SOCKET, Native.SO_RCVTIMEO, Native.address(timeval), 16),
                "setsockopt(SO_RCVTIMEO)");
        Reference.reachabilityFence(timeval);
    }

    /** The pid of the process at the other end of a connected Unix socket, as the kernel saw it connect (SO_PEERCRED). */
    public static int peerPid(int fd) throws IOException {
        ByteBuffer credentials = Native.allocate(12); // struct ucred: pid, uid, gid
        ByteBuffer length = Native.allocate(4);
        length.putInt(0, 12);
        Native.check(LIBC.getsockopt(fd, Native.SOL_SOCKET, Native.SO_PEERCRED, Native.address(credentials),
                Native.address(length)), "getsockopt(SO_PEERCRED)");
        Reference.reachabilityFence(length);
        return credentials.getInt(0);
    }

    /** The address an AF_INET socket is bound to: for a connected socket, this side's end of it. */
    public static InetSocketAddress localAddress(int fd) throws IOException {
        SocketAddressBuffer address = SocketAddressBuffer.empty();
        ByteBuffer length = Native.allocate(4);
        length.putInt(0, SocketAddressBuffer.CAPACITY);
        Native.check(LIBC.getsockname(fd, address.address(), Native.address(length)), "getsockname()");
        Reference.reachabilityFence(length);
        return address.inet();
    }

    /** The port an AF_INET socket is bound to. */
    public static int localPort(int fd) throws IOException {
        return localAddress(fd).getPort();
    }

    public static void close(int fd) {
        if (fd >= 0) {
            LIBC.close(fd);
        }
    }

    /** A sockaddr in native memory: sockaddr_in or sockaddr_un. */
    public static final class SocketAddressBuffer {
        static final int CAPACITY = 112;
        private final ByteBuffer buffer;
        private final int length;
        private final String text;

        private SocketAddressBuffer(ByteBuffer buffer, int length, String text) {
            this.buffer = buffer;
            this.length = length;
            this.text = text;
        }

        static SocketAddressBuffer empty() {
            return new SocketAddressBuffer(Native.allocate(CAPACITY), CAPACITY, "?");
        }

        /** sockaddr_in for an IPv4 address and port (port 0: any free port). */
        public static SocketAddressBuffer inet(InetSocketAddress address) throws IOException {
            InetAddress host = address.getAddress();
            if (!(host instanceof Inet4Address)) {
                throw new UnknownHostException("not an IPv4 address: " + address);
            }
            ByteBuffer buffer = Native.allocate(CAPACITY);
            buffer.putShort(0, (short) Native.AF_INET);
            buffer.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) address.getPort());
            buffer.put(4, host.getAddress());
            buffer.order(ByteOrder.nativeOrder());
            return new SocketAddressBuffer(buffer, 16, host.getHostAddress() + ":" + address.getPort());
        }

        /** sockaddr_un for a path in the file system. */
        public static SocketAddressBuffer unix(Path path) throws IOException {
            byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > UNIX_PATH_MAX) {
                throw new IOException("socket path is " + bytes.length + " bytes, longer than the "
                        + UNIX_PATH_MAX + " a Unix socket address holds: " + path);
            }
            ByteBuffer buffer = Native.allocate(CAPACITY);
            buffer.putShort(0, (short) Native.AF_UNIX);
            buffer.put(2, bytes);
            return new SocketAddressBuffer(buffer, 2 + bytes.length + 1, path.toString());
        }

        int inetPort() {
            return Short.toUnsignedInt(buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getShort(2));
        }

        /** The AF_INET address this holds. */
        InetSocketAddress inet() throws UnknownHostException {
            byte[] host = new byte[4];
            buffer.get(4, host);
            return new InetSocketAddress(InetAddress.getByAddress(host), inetPort());
        }

        public long address() {
            return Native.address(buffer);
        }

        public int length() {
            return length;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
