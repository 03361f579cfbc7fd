package io.ipcbench.transport.jdk;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.PeerStdio;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * Anonymous pipes, the peer's standard input and output, through {@link FileChannel}s.
 *
 * <p>The peer wraps its standard streams' descriptors in channels. The client's ends of those
 * pipes are hidden inside {@link Process}'s buffered streams, which offer no channel; so the client
 * finds them by inode ({@code /proc/PEER/fd/0} and one of {@code /proc/self/fd/N} name the same
 * {@code pipe:[inode]}) and opens {@code /proc/self/fd/N} with {@link FileChannel#open}, which on
 * Linux opens that pipe afresh: a channel of its own, the JDK's stream untouched.
 */
final class JdkPipeTransport implements Transport {
    static final String STDIO = "stdio";

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
                // Opening a pipe for writing waits for a reader, and for reading waits for a writer:
                // the peer holds both other ends from the moment it starts, so neither open waits.
                FileChannel toPeer = FileChannel.open(PeerStdio.ownEnd(peerPid, 0), StandardOpenOption.WRITE);
                FileChannel fromPeer;
                try {
                    fromPeer = FileChannel.open(PeerStdio.ownEnd(peerPid, 1), StandardOpenOption.READ);
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
            }
        };
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        Connection connection = new ChannelStreamConnection(new FileInputStream(FileDescriptor.in).getChannel(),
                new FileOutputStream(FileDescriptor.out).getChannel());
        Hello.send(connection, options.secret());
        return connection;
    }
}
