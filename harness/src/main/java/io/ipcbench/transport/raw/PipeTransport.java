package io.ipcbench.transport.raw;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;

import io.ipcbench.os.Native;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.PeerStdio;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * Anonymous pipes: the peer's standard input and output, as the process launcher made them.
 * The peer reads fd 0 and writes fd 1 (and so must never print to stdout).
 *
 * <p>The JDK hides the client's ends of those pipes behind streams. To drive them with plain
 * read and write, the client finds them by inode: {@code /proc/PEER/fd/0} and
 * {@code /proc/self/fd/N} name the same {@code pipe:[inode]}, and duplicates them.
 */
public final class PipeTransport implements Transport {
    /** The address the peer gets: there is nothing to find, it uses its standard streams. */
    static final String STDIO = "stdio";
    private static final int F_DUPFD_CLOEXEC = 1030;

    @Override
    public TransportKind kind() {
        return TransportKind.PIPE;
    }

    @Override
    public boolean usesPeerStdio() {
        return true;
    }

    @Override
    public Listener listen(TransportOptions options) {
        return new Listener() {
            @Override
            public String address() {
                return STDIO;
            }

            @Override
            public Connection accept(long peerPid) throws IOException {
                int writeFd = duplicateOwnEnd(peerPid, 0);
                int readFd;
                try {
                    readFd = duplicateOwnEnd(peerPid, 1);
                } catch (IOException | RuntimeException e) {
                    LIBC.close(writeFd);
                    throw e;
                }
                Connection connection = new FdStreamConnection(readFd, writeFd);
                try {
                    Hello.await(connection, readFd, options.connectTimeout(), options.secret());
                } catch (IOException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
                return connection;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        Connection connection = new FdStreamConnection(0, 1);
        Hello.send(connection, options.secret());
        return connection;
    }

    /** Our end of the pipe that is the peer's {@code peerFd}, duplicated so that the JDK's stream keeps its own. */
    private static int duplicateOwnEnd(long peerPid, int peerFd) throws IOException {
        int ownFd = Integer.parseInt(PeerStdio.ownEnd(peerPid, peerFd).getFileName().toString());
        return Native.check(LIBC.fcntl(ownFd, F_DUPFD_CLOEXEC, 0), "fcntl(F_DUPFD_CLOEXEC)");
    }
}
