package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.transport.DialListener;
import io.ipcbench.transport.DialedConnection;
import io.ipcbench.transport.SocketFiles;

/** The peer's non-blocking listening socket in a connect cell, accepting into {@link FdDialedConnection}s. */
final class FdDialListener implements DialListener {
    private static final int ECONNABORTED = 103;

    private final int fd;
    private final String address;
    private final Path socketFile;

    /** @param socketFile a Unix socket's path, removed on close; null for TCP */
    FdDialListener(int fd, String address, Path socketFile) {
        this.fd = fd;
        this.address = address;
        this.socketFile = socketFile;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int pollDescriptor() {
        return fd;
    }

    @Override
    public boolean accept(DialedConnection slot) throws IOException {
        int accepted = LIBC.accept4(fd, 0, 0, Native.SOCK_NONBLOCK | Native.SOCK_CLOEXEC);
        if (accepted >= 0) {
            ((FdDialedConnection) slot).adopt(accepted);
            return true;
        }
        int errno = Native.errno();
        // Nothing waits, or what waited was gone before it was taken (a client that reset at once).
        if (errno == Native.EAGAIN || errno == Native.EINTR || errno == ECONNABORTED) {
            return false;
        }
        throw Native.failure("accept4()", errno);
    }

    @Override
    public void close() {
        Sockets.close(fd);
        SocketFiles.remove(socketFile);
    }
}
