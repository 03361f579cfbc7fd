package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.FifoPair;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * Two named pipes (FIFOs), one each way, made with mkfifo in the cell's private directory.
 *
 * <p>Opening a FIFO blocks until the other end is opened too, which would hang for ever on a peer
 * that never comes. Both sides therefore open their read end non-blocking (it succeeds at once),
 * then retry a non-blocking open of their write end until the other side's read end exists, and
 * only then switch to blocking I/O. The peer's hello tells the client that both directions are
 * open; the client's answering hello tells the peer that the client is writing (a FIFO without a
 * writer reads as end-of-file).
 */
public final class FifoTransport implements Transport {

    @Override
    public TransportKind kind() {
        return TransportKind.FIFO;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        Path directory = options.privateDirectory();
        FifoPair.make(directory);
        return new Listener() {
            @Override
            public String address() {
                return directory.toString();
            }

            @Override
            public Connection accept(long peerPid) throws IOException {
                return open(directory.resolve(FifoPair.TO_CLIENT), directory.resolve(FifoPair.TO_PEER), options, true);
            }

            @Override
            public void close() {
                FifoPair.remove(directory);
            }
        };
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        Path directory = Path.of(address);
        return open(directory.resolve(FifoPair.TO_PEER), directory.resolve(FifoPair.TO_CLIENT), options, false);
    }

    private static Connection open(Path readPath, Path writePath, TransportOptions options, boolean client)
            throws IOException {
        Duration timeout = options.connectTimeout();
        int readFd = Native.check(LIBC.open(readPath.toString(), Native.O_RDONLY | Native.O_NONBLOCK | Native.O_CLOEXEC, 0),
                "open(" + readPath + ")");
        int writeFd = -1;
        try {
            writeFd = openWriterWhenReaderExists(writePath, timeout);
            FdStreamConnection connection = new FdStreamConnection(readFd, writeFd);
            if (client) {
                // The peer writes its hello only once both its ends are open.
                Sockets.awaitReadable(readFd, timeout, "hello from the peer");
                setBlocking(readFd);
                setBlocking(writeFd);
                Hello.await(connection, readFd, timeout, options.secret());
                // Our write end is open by now: say so, since the peer cannot see it otherwise.
                Hello.send(connection, options.secret());
            } else {
                setBlocking(writeFd);
                Hello.send(connection, options.secret());
                // A blocking read of a FIFO that has no writer yet returns end-of-file at once:
                // stay non-blocking until the client's answering hello shows that it is writing.
                Sockets.awaitReadable(readFd, timeout, "answering hello from the client");
                setBlocking(readFd);
                Hello.await(connection, readFd, timeout, options.secret());
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(readFd);
            Sockets.close(writeFd);
            throw e;
        }
    }

    /**
     * open(O_WRONLY | O_NONBLOCK) fails with ENXIO until a reader has the FIFO open: retry until then.
     * EAGAIN is retried too: it came back from this open once, under load, in the tests, and a retry
     * is harmless whatever its cause.
     */
    private static int openWriterWhenReaderExists(Path path, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int fd = LIBC.open(path.toString(), Native.O_WRONLY | Native.O_NONBLOCK | Native.O_CLOEXEC, 0);
            if (fd >= 0) {
                return fd;
            }
            int errno = Native.errno();
            if (errno != Native.ENXIO && errno != Native.EAGAIN) {
                throw Native.failure("open(" + path + ")", errno);
            }
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("nobody opened " + path + " for reading within "
                        + timeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while opening " + path);
            }
        }
    }

    private static void setBlocking(int fd) throws IOException {
        int flags = Native.check(LIBC.fcntl(fd, Native.F_GETFL, 0), "fcntl(F_GETFL)");
        Native.check(LIBC.fcntl(fd, Native.F_SETFL, flags & ~Native.O_NONBLOCK), "fcntl(F_SETFL)");
    }

}
