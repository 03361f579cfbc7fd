package io.ipcbench.transport;

import java.io.IOException;

/**
 * How far the message under way has got, each way, on one connection that moves messages in
 * pieces ({@link Connection#sendSome}, {@link Connection#receiveSome}): a loop that serves several
 * connections from one thread keeps one per connection, moves whatever can move now, and so never
 * waits on one connection while another could move. A byte stream carries a message in as many
 * pieces as the kernel makes of it; a datagram goes, and arrives, whole.
 *
 * <p>Nothing here allocates, locks or logs.
 */
public final class MessageProgress {
    private final Connection connection;
    private final boolean datagrams;
    private int toSend;
    private int sent;
    private int received;

    /** @param datagrams whether the connection keeps message boundaries (a datagram or seqpacket socket) */
    public MessageProgress(Connection connection, boolean datagrams) {
        this.connection = connection;
        this.datagrams = datagrams;
    }

    /** Starts sending the first {@code length} bytes of a message: nothing of it has gone yet. */
    public void startSending(int length) {
        toSend = length;
        sent = 0;
    }

    /**
     * Sends what the connection takes now of the message under way, which {@code message} holds;
     * returns whether all of it has gone.
     */
    public boolean sendMore(MessageBuffer message) throws IOException {
        while (sent < toSend) {
            int n = connection.sendSome(message, sent, toSend - sent);
            if (n == 0) {
                return false;
            }
            sent += n;
        }
        return true;
    }

    /** Whether part of the message under way is still to go. */
    public boolean sending() {
        return sent < toSend;
    }

    /** Starts receiving the next message: nothing of it has come yet. */
    public void startReceiving() {
        received = 0;
    }

    /**
     * Takes in what has arrived of a message of {@code size} bytes, into {@code message} at where
     * the last piece ended; returns whether the message is whole. A datagram is whole as it
     * arrives, whatever its length up to the buffer's capacity. Once whole, {@link #received()} is
     * its length until {@link #startReceiving()}.
     *
     * @throws java.io.EOFException when the other side closed the connection
     */
    public boolean receiveMore(MessageBuffer message, int size) throws IOException {
        if (datagrams) {
            received = connection.receiveSome(message, 0, message.capacity());
            return received > 0;
        }
        while (received < size) {
            int n = connection.receiveSome(message, received, size - received);
            if (n == 0) {
                return false;
            }
            received += n;
        }
        return true;
    }

    /** Bytes of the message under way received so far: its length, once whole. */
    public int received() {
        return received;
    }
}
