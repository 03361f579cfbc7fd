package io.ipcbench.transport.jdk;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * A byte stream over blocking JDK channels: {@code FileChannel}s for pipes and FIFOs,
 * {@code SocketChannel}s for TCP and Unix stream sockets. Reads and writes loop until the whole
 * message has passed, since a stream keeps no boundaries. The message's own direct buffer is
 * handed to the channel, so the JDK reads and writes it in place, without a copy or a temporary buffer.
 */
final class ChannelStreamConnection implements Connection {
    private final ReadableByteChannel in;
    private final WritableByteChannel out;

    ChannelStreamConnection(ReadableByteChannel in, WritableByteChannel out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void send(MessageBuffer message, int length) throws IOException {
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    @Override
    public int receive(MessageBuffer message, int length) throws IOException {
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw endOfStream();
            }
        }
        return length;
    }

    @Override
    public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
        if (maxLength == 0) {
            return 0;
        }
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(maxLength);
        int n;
        do {
            n = in.read(buffer);
        } while (n == 0);
        if (n < 0) {
            throw endOfStream();
        }
        return n;
    }

    private static EOFException endOfStream() {
        return new EOFException("the other side closed the connection");
    }

    @Override
    public BufferSizes bufferSizes() {
        return SocketOptions.granted(in);
    }

    @Override
    public void close() {
        Deadline.closeQuietly(in);
        Deadline.closeQuietly(out);
    }
}
