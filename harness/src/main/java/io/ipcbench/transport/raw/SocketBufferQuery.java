package io.ipcbench.transport.raw;

import java.io.IOException;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.transport.Connection;

/** Reads back the buffer sizes the kernel granted a socket; null for a descriptor that is not a socket. */
final class SocketBufferQuery {
    private SocketBufferQuery() {
    }

    static Connection.BufferSizes of(int fd) {
        try {
            return new Connection.BufferSizes(
                    Sockets.getInt(fd, Native.SOL_SOCKET, Native.SO_SNDBUF, "SO_SNDBUF"),
                    Sockets.getInt(fd, Native.SOL_SOCKET, Native.SO_RCVBUF, "SO_RCVBUF"));
        } catch (IOException notASocket) {
            return null;
        }
    }
}
