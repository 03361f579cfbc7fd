package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.FifoPair;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.SocketFiles;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * Two named pipes (FIFOs), one each way, through {@link FileChannel}s. The JDK cannot make a FIFO,
 * so mkfifo comes from jnr-posix; everything else is the JDK's.
 *
 * <p>{@link FileChannel#open} has no non-blocking open: opening a FIFO's read end waits for a
 * writer and its write end for a reader. Both sides therefore open the FIFOs in the same order
 * (to-peer first, then to-client), so that each open meets the other side's, and each open runs
 * under a {@link Deadline} whose abort opens the FIFO read-write itself (which never waits on
 * Linux) to release an open that nobody came to meet. Because each blocking open returns only once
 * the other side has its end, a read never sees the end-of-file of a FIFO with no writer yet.
 */
final class JdkFifoTransport implements Transport {

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
                Duration timeout = options.connectTimeout();
                FileChannel toPeer = open(directory.resolve(FifoPair.TO_PEER), StandardOpenOption.WRITE, timeout);
                FileChannel fromPeer;
                try {
                    fromPeer = open(directory.resolve(FifoPair.TO_CLIENT), StandardOpenOption.READ, timeout);
                } catch (IOException | RuntimeException e) {
                    Deadline.closeQuietly(toPeer);
                    throw e;
                }
                Connection connection = new ChannelStreamConnection(fromPeer, toPeer);
                try {
                    Deadline.hello(connection, options, fromPeer::close);
                } catch (IOException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
                return connection;
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
        Duration timeout = options.connectTimeout();
        FileChannel fromClient = open(directory.resolve(FifoPair.TO_PEER), StandardOpenOption.READ, timeout);
        FileChannel toClient;
        try {
            toClient = open(directory.resolve(FifoPair.TO_CLIENT), StandardOpenOption.WRITE, timeout);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(fromClient);
            throw e;
        }
        Connection connection = new ChannelStreamConnection(fromClient, toClient);
        try {
            Hello.send(connection, options.secret());
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Opens one end of a FIFO, waiting up to {@code timeout} for the other side to open the other end. */
    private static FileChannel open(Path fifo, OpenOption end, Duration timeout) throws IOException {
        String awaited = (end == StandardOpenOption.READ ? "writer" : "reader") + " at the other end of " + fifo;
        return Deadline.within(timeout, awaited, () -> releaseOpen(fifo), () -> FileChannel.open(fifo, end));
    }

    /** Opening a FIFO read-write counts as both a reader and a writer, so a waiting open returns. */
    private static void releaseOpen(Path fifo) throws IOException {
        FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
    }

}
