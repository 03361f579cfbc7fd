package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.DialedConnection;
import io.ipcbench.transport.MessageBuffer;

/**
 * A connect cell's connection slot over libc: {@code socket} and {@code connect} without waiting,
 * {@code send} and {@code recv} with {@code MSG_DONTWAIT}, {@code close}. Everything a dial, a
 * hang-up or a check of the other side's close needs (the address, the option buffers) is made
 * once, so the slot allocates nothing while it is measured.
 */
final class FdDialedConnection implements DialedConnection {
    private static final int ECONNRESET = 104;

    private final int domain;
    private final int type;
    /** Where to dial: null for a slot the peer's listener fills. */
    private final SocketAddressBuffer address;
    /** SO_ERROR, and SO_LINGER's {on, seconds}: read and written in place. */
    private final ByteBuffer option = Native.allocate(8);
    private final long optionAddress = Native.address(option);
    private final ByteBuffer optionLength = Native.allocate(4);
    private final long optionLengthAddress = Native.address(optionLength);
    /** One byte, for looking past the reply for the other side's close. */
    private final MessageBuffer probe = new MessageBuffer(1);
    private int fd = -1;

    FdDialedConnection(int domain, int type, SocketAddressBuffer address) {
        this.domain = domain;
        this.type = type;
        this.address = address;
    }

    @Override
    public boolean dial() throws IOException {
        fd = Native.check(LIBC.socket(domain, type | Native.SOCK_NONBLOCK | Native.SOCK_CLOEXEC, 0), "socket()");
        if (LIBC.connect(fd, address.address(), address.length()) == 0) {
            return true;
        }
        int errno = Native.errno();
        if (errno == Native.EINPROGRESS || errno == Native.EINTR) {
            return false;
        }
        hangUp(false);
        if (errno == Native.EAGAIN) {
            throw new IOException("connect(" + address + ") failed: the peer's queue of connections to accept is "
                    + "full (" + Native.describe(errno) + ")");
        }
        throw Native.failure("connect(" + address + ")", errno);
    }

    @Override
    public void finishDial() throws IOException {
        optionLength.putInt(0, 4);
        Native.check(LIBC.getsockopt(fd, Native.SOL_SOCKET, Native.SO_ERROR, optionAddress, optionLengthAddress),
                "getsockopt(SO_ERROR)");
        int error = option.getInt(0);
        if (error != 0) {
            throw Native.failure("connect(" + address + ")", error);
        }
    }

    /** Takes a connection the peer's listener accepted. */
    void adopt(int accepted) {
        fd = accepted;
    }

    @Override
    public int sendSome(MessageBuffer message, int offset, int length) throws IOException {
        return FdStreamConnection.sendSome(fd, message.address() + offset, length);
    }

    @Override
    public int receiveSome(MessageBuffer message, int offset, int length) throws IOException {
        return FdStreamConnection.receiveSome(fd, message.address() + offset, length);
    }

    @Override
    public boolean otherSideClosed() throws IOException {
        while (true) {
            long n = LIBC.recv(fd, probe.address(), 1, Native.MSG_DONTWAIT);
            if (n == 0) {
                return true;
            }
            if (n > 0) {
                throw new ProtocolException("the other side sent more than one message on a connection for one");
            }
            int errno = Native.errno();
            if (errno == Native.EAGAIN) {
                return false;
            }
            if (errno == ECONNRESET) {
                return true;
            }
            if (errno != Native.EINTR) {
                throw Native.failure("recv()", errno);
            }
        }
    }

    @Override
    public void hangUp(boolean reset) {
        if (reset) {
            // struct linger {l_onoff = 1, l_linger = 0}: close() resets the connection, and no TIME_WAIT is kept.
            option.putInt(0, 1).putInt(4, 0);
            LIBC.setsockopt(fd, Native.SOL_SOCKET, Native.SO_LINGER, optionAddress, 8);
        }
        LIBC.close(fd);
        fd = -1;
    }

    @Override
    public int pollDescriptor() {
        return fd;
    }
}
