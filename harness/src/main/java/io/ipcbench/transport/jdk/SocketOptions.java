package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.NetworkChannel;
import java.time.Duration;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.TransportOptions;

/** The socket options a transport's options ask for, set the JDK way, on any kind of channel. */
final class SocketOptions {
    static final int BACKLOG = TransportOptions.LISTEN_BACKLOG;

    private SocketOptions() {
    }

    /** SO_SNDBUF and SO_RCVBUF, when the options ask for a size. */
    static void applyBufferSizes(NetworkChannel channel, TransportOptions options) throws IOException {
        if (options.sendBufferBytes() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferBytes());
        }
        if (options.receiveBufferBytes() > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferBytes());
        }
    }

    /** TCP_NODELAY as the options say, and the buffer sizes. */
    static void applyTcp(NetworkChannel channel, TransportOptions options) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, options.tcpNoDelay());
        applyBufferSizes(channel, options);
    }

    /**
     * SO_SNDBUF and SO_RCVBUF as the kernel granted them, read back through the channel; null for a
     * channel that is not a socket (a pipe or FIFO's {@code FileChannel}) or that cannot say.
     */
    static Connection.BufferSizes granted(Channel channel) {
        if (!(channel instanceof NetworkChannel socket)) {
            return null;
        }
        try {
            return new Connection.BufferSizes(socket.getOption(StandardSocketOptions.SO_SNDBUF),
                    socket.getOption(StandardSocketOptions.SO_RCVBUF));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** A timeout as the int milliseconds of {@code setSoTimeout}, where 0 would mean "wait for ever". */
    static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
