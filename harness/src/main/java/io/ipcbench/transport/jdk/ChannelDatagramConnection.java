package io.ipcbench.transport.jdk;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * A connected, blocking datagram or seqpacket channel: each send is one message and each read
 * returns one whole message. Used for junixsocket's Unix datagram and seqpacket channels, and for
 * the UDP peer, which waits for the client without a time limit.
 *
 * <p>junixsocket's channels answer a read that found nothing with -1 both at the end of a
 * seqpacket connection and when SO_RCVTIMEO expires on a datagram socket (a datagram socket has no
 * end), so the transport says which of the two -1 means.
 */
final class ChannelDatagramConnection implements Connection {
    private final ByteChannel channel;
    private final boolean minusOneIsTimeout;

    private ChannelDatagramConnection(ByteChannel channel, boolean minusOneIsTimeout) {
        this.channel = channel;
        this.minusOneIsTimeout = minusOneIsTimeout;
    }

    /** A datagram channel, which has no end: a read of -1 means its receive timeout passed. */
    static ChannelDatagramConnection datagrams(ByteChannel channel) {
        return new ChannelDatagramConnection(channel, true);
    }

    /** A seqpacket channel: a read of -1 means the other side closed the connection. */
    static ChannelDatagramConnection seqpackets(ByteChannel channel) {
        return new ChannelDatagramConnection(channel, false);
    }

    @Override
    public void send(MessageBuffer message, int length) throws IOException {
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(length);
        // A datagram goes whole or not at all: one write is one message.
        channel.write(buffer);
    }

    @Override
    public int receive(MessageBuffer message, int length) throws IOException {
        return receiveOnce(message, message.capacity());
    }

    @Override
    public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
        ByteBuffer buffer = message.buffer();
        buffer.clear().limit(maxLength);
        int n = channel.read(buffer);
        if (n >= 0) {
            return n;
        }
        if (minusOneIsTimeout) {
            return TIMED_OUT;
        }
        throw new EOFException("the other side closed the connection");
    }

    @Override
    public BufferSizes bufferSizes() {
        return SocketOptions.granted(channel);
    }

    @Override
    public void close() {
        Deadline.closeQuietly(channel);
    }
}
