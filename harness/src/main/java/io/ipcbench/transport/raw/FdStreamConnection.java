package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.EOFException;
import java.io.IOException;

import io.ipcbench.os.Native;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * A byte stream over file descriptors, driven by libc {@code read} and {@code write}: pipes,
 * FIFOs, TCP and Unix stream sockets. Reads and writes loop until the whole message has passed,
 * since a stream keeps no message boundaries. The read and write descriptors may be the same
 * (a socket) or two (a pair of pipes).
 *
 * <p>A socket also moves messages in pieces without blocking ({@link #sendSome}, {@link #receiveSome}:
 * {@code send} and {@code recv} with {@code MSG_DONTWAIT}, which leaves the descriptor itself
 * blocking for {@link #send} and {@link #receive}). A pair of pipes has no such flag per call and
 * two descriptors for one poll entry: it moves in pieces only once {@link #moveInPieces()} has made
 * both non-blocking, for a loop that waits on each.
 */
final class FdStreamConnection implements Connection {
    private final int readFd;
    private int writeFd;
    /** A pair of pipes made non-blocking by {@link #moveInPieces()}: plain read and write then never wait. */
    private boolean pipesNonBlocking;

    FdStreamConnection(int readFd, int writeFd) {
        this.readFd = readFd;
        this.writeFd = writeFd;
    }

    FdStreamConnection(int socketFd) {
        this(socketFd, socketFd);
    }

    @Override
    public void send(MessageBuffer message, int length) throws IOException {
        long address = message.address();
        int written = 0;
        while (written < length) {
            long n = LIBC.write(writeFd, address + written, length - written);
            if (n < 0) {
                int errno = Native.errno();
                if (errno == Native.EINTR) {
                    continue;
                }
                throw Native.failure("write()", errno);
            }
            written += (int) n;
        }
    }

    @Override
    public int receive(MessageBuffer message, int length) throws IOException {
        long address = message.address();
        int read = 0;
        while (read < length) {
            long n = LIBC.read(readFd, address + read, length - read);
            if (n <= 0) {
                handleFailedRead(n);
                continue;
            }
            read += (int) n;
        }
        return read;
    }

    @Override
    public int[] moveInPieces() throws IOException {
        if (readFd != writeFd && !pipesNonBlocking) {
            setNonBlocking(readFd);
            setNonBlocking(writeFd);
            pipesNonBlocking = true;
        }
        return new int[] {readFd, writeFd};
    }

    private static void setNonBlocking(int fd) throws IOException {
        int flags = Native.check(LIBC.fcntl(fd, Native.F_GETFL, 0), "fcntl(F_GETFL)");
        Native.check(LIBC.fcntl(fd, Native.F_SETFL, flags | Native.O_NONBLOCK), "fcntl(F_SETFL)");
    }

    @Override
    public int sendSome(MessageBuffer message, int offset, int length) throws IOException {
        requirePieces();
        return sendSome(writeFd, message.address() + offset, length, pipesNonBlocking);
    }

    @Override
    public int receiveSome(MessageBuffer message, int offset, int length) throws IOException {
        requirePieces();
        return receiveSome(readFd, message.address() + offset, length, pipesNonBlocking);
    }

    /**
     * Sends what a connected socket takes now of {@code length} bytes at {@code address}: how many
     * went, 0 when none would. A seqpacket message goes whole or not at all.
     */
    static int sendSome(int fd, long address, int length) throws IOException {
        return sendSome(fd, address, length, false);
    }

    /** As above, or with a plain {@code write} on a descriptor made non-blocking (a pipe). */
    private static int sendSome(int fd, long address, int length, boolean nonBlocking) throws IOException {
        while (true) {
            long n = nonBlocking ? LIBC.write(fd, address, length)
                    : LIBC.send(fd, address, length, Native.MSG_NOSIGNAL | Native.MSG_DONTWAIT);
            if (n >= 0) {
                return (int) n;
            }
            int errno = Native.errno();
            if (errno == Native.EAGAIN) {
                return 0;
            }
            if (errno != Native.EINTR) {
                throw Native.failure(nonBlocking ? "write()" : "send()", errno);
            }
        }
    }

    /**
     * Receives what has arrived on a connected socket, up to {@code length} bytes: how many came, 0
     * when none has; end of stream is an {@link EOFException}.
     */
    static int receiveSome(int fd, long address, int length) throws IOException {
        return receiveSome(fd, address, length, false);
    }

    /** As above, or with a plain {@code read} on a descriptor made non-blocking (a pipe). */
    private static int receiveSome(int fd, long address, int length, boolean nonBlocking) throws IOException {
        while (true) {
            long n = nonBlocking ? LIBC.read(fd, address, length) : LIBC.recv(fd, address, length, Native.MSG_DONTWAIT);
            if (n > 0) {
                return (int) n;
            }
            if (n < 0 && Native.errno() == Native.EAGAIN) {
                return 0;
            }
            handleFailedRead(n);
        }
    }

    private void requirePieces() {
        if (readFd != writeFd && !pipesNonBlocking) {
            throw new UnsupportedOperationException("a pair of pipes moves in pieces only after moveInPieces()");
        }
    }

    @Override
    public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
        while (true) {
            long n = LIBC.read(readFd, message.address(), maxLength);
            if (n > 0) {
                return (int) n;
            }
            handleFailedRead(n);
        }
    }

    /** Returns to retry after EINTR; throws on end of stream or any other error. */
    private static void handleFailedRead(long n) throws IOException {
        if (n == 0) {
            throw new EOFException("the other side closed the connection");
        }
        int errno = Native.errno();
        if (errno != Native.EINTR) {
            throw Native.failure("read()", errno);
        }
    }

    @Override
    public void closeOutput() {
        if (writeFd != readFd && writeFd >= 0) {
            LIBC.close(writeFd);
            writeFd = -1;
        }
    }

    @Override
    public int pollDescriptor() {
        return readFd == writeFd ? readFd : -1;
    }

    @Override
    public BufferSizes bufferSizes() {
        return SocketBufferQuery.of(readFd);
    }

    @Override
    public void close() {
        LIBC.close(readFd);
        if (writeFd != readFd && writeFd >= 0) {
            LIBC.close(writeFd);
        }
    }
}
