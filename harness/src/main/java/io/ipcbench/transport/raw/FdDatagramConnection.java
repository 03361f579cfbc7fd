package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.EOFException;
import java.io.IOException;

import io.ipcbench.os.Native;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * A connected datagram or seqpacket socket, driven by libc {@code send} and {@code recv}: each
 * send is one message and each receive returns one whole message. A receive timeout (SO_RCVTIMEO,
 * set by the transport) turns a lost datagram into {@link Connection#TIMED_OUT} instead of a hang.
 * {@link #sendSome} and {@link #receiveSome} pass {@code MSG_DONTWAIT} instead, and move a whole
 * datagram or nothing.
 */
final class FdDatagramConnection implements Connection {
    private final int fd;
    /** For seqpacket, a zero-length read means the other side closed; a datagram socket has no such end. */
    private final boolean connectionOriented;

    FdDatagramConnection(int fd, boolean connectionOriented) {
        this.fd = fd;
        this.connectionOriented = connectionOriented;
    }

    @Override
    public void send(MessageBuffer message, int length) throws IOException {
        transmit(message.address(), length, Native.MSG_NOSIGNAL);
    }

    @Override
    public int sendSome(MessageBuffer message, int offset, int length) throws IOException {
        return transmit(message.address() + offset, length, Native.MSG_NOSIGNAL | Native.MSG_DONTWAIT) ? length : 0;
    }

    /** Sends one datagram; false when it would block (with MSG_DONTWAIT only). */
    private boolean transmit(long address, int length, int flags) throws IOException {
        while (true) {
            long n = LIBC.send(fd, address, length, flags);
            if (n >= 0) {
                return true;
            }
            int errno = Native.errno();
            if (errno == Native.EAGAIN) {
                return false;
            }
            if (errno != Native.EINTR) {
                throw Native.failure("send()", errno);
            }
        }
    }

    @Override
    public int receiveSome(MessageBuffer message, int offset, int length) throws IOException {
        int n = receive(message.address() + offset, length, Native.MSG_DONTWAIT);
        return n == TIMED_OUT ? 0 : n;
    }

    @Override
    public int receive(MessageBuffer message, int length) throws IOException {
        return receiveOnce(message, message.capacity());
    }

    @Override
    public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
        return receive(message.address(), maxLength, 0);
    }

    /** One datagram, or {@link #TIMED_OUT} when none came (within SO_RCVTIMEO, or at once with MSG_DONTWAIT). */
    private int receive(long address, int maxLength, int flags) throws IOException {
        while (true) {
            long n = LIBC.recv(fd, address, maxLength, flags);
            if (n > 0 || (n == 0 && !connectionOriented)) {
                return (int) n;
            }
            if (n == 0) {
                throw new EOFException("the other side closed the connection");
            }
            int errno = Native.errno();
            if (errno == Native.EAGAIN) {
                return TIMED_OUT;
            }
            if (errno != Native.EINTR) {
                throw Native.failure("recv()", errno);
            }
        }
    }

    @Override
    public int pollDescriptor() {
        return fd;
    }

    @Override
    public BufferSizes bufferSizes() {
        return SocketBufferQuery.of(fd);
    }

    @Override
    public void close() {
        LIBC.close(fd);
    }
}
