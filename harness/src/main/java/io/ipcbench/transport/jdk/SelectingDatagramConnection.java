package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.function.Consumer;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The client's connected UDP channel, which must give up on a reply after the receive timeout. A
 * blocking {@link DatagramChannel} has no timeout, and its socket adaptor's {@code setSoTimeout}
 * costs more (four {@code fcntl}s per receive, to make the socket non-blocking and back, and a copy
 * into a heap array), so the channel is non-blocking and each receive first waits on a
 * {@link Selector}: an {@code epoll_wait}, then a {@code recvfrom}, where the raw engine makes one
 * {@code recv} with SO_RCVTIMEO. That second system call is the price of a timeout on a JDK
 * datagram channel. Waiting first is cheaper than reading first: in a ping-pong the reply is never
 * there yet, and a failed read would make three calls.
 *
 * <p>The wait uses {@link Selector#select(Consumer, long)}, which does not add to the selected-key
 * set, so a receive allocates nothing. A zero-length datagram cannot be told from no datagram on a
 * non-blocking channel and is skipped.
 */
final class SelectingDatagramConnection implements Connection {
    private static final Consumer<SelectionKey> IGNORE = key -> { };

    private final DatagramChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long timeoutMillis;

    /** Takes over a connected channel and makes it non-blocking. */
    SelectingDatagramConnection(DatagramChannel channel, Duration receiveTimeout) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        try {
            this.key = channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        // Selector.select(0) waits for ever; a timeout under a millisecond must still end.
        this.timeoutMillis = Math.max(1, receiveTimeout.toMillis());
    }

    @Override
    public void send(MessageBuffer message, int length) throws IOException {
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(length);
        // Non-blocking, a send finds the socket buffer full only when sends outrun the kernel;
        // then wait for room, as a blocking send would.
        while (channel.write(buffer) == 0) {
            awaitRoom();
        }
    }

    private void awaitRoom() throws IOException {
        key.interestOps(SelectionKey.OP_WRITE);
        try {
            selector.select(IGNORE, timeoutMillis);
        } finally {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    @Override
    public int receive(MessageBuffer message, int length) throws IOException {
        return receiveOnce(message, message.capacity());
    }

    @Override
    public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(maxLength);
        while (true) {
            int ready = selector.select(IGNORE, timeoutMillis);
            int n = channel.read(buffer);
            if (n > 0) {
                return n;
            }
            if (ready == 0) {
                return TIMED_OUT;
            }
        }
    }

    @Override
    public BufferSizes bufferSizes() {
        return SocketOptions.granted(channel);
    }

    @Override
    public void close() {
        Deadline.closeQuietly(selector);
        Deadline.closeQuietly(channel);
    }
}
