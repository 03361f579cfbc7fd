package io.ipcbench.peer;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.ipcbench.os.Poller;
import io.ipcbench.os.Sockets;
import io.ipcbench.transport.Closer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.DialListener;
import io.ipcbench.transport.DialedConnection;
import io.ipcbench.transport.Dialing;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.MessageProgress;
import io.ipcbench.transport.Transport;

/**
 * The peer's side of a connect cell: a listening socket of its own, whose address goes to the client
 * over the control connection; then an epoll loop that accepts each connection the client dials,
 * takes in its one request, sends it back, and closes: at once when the peer closes first, or once
 * the client has closed its end. It ends when the client closes the control connection.
 *
 * <pre>
 *   client                                      peer (one epoll loop)
 *   control connection, hello  ──────────────►
 *                              ◄──────────────  where to dial (this class's address message)
 *   dial, request   ─────────────────────────►  accept, take in the request
 *                   ◄─────────────────────────  the reply; close first, or wait for the client's close
 *   close ...
 * </pre>
 *
 * <p>One thread and non-blocking sockets, like the client's loop. Connections live in slots made
 * once (a slot per connection the client keeps open, twice over, since a connection the client has
 * closed may not yet be seen closed here), so the loop allocates nothing; when every slot is busy
 * the listening socket is left alone until one frees.
 */
public final class Answerer {
    /** The address message: its bytes, in UTF-8, padded with zeros. */
    static final int ADDRESS_BYTES = 256;
    private static final int CONTROL = 0;
    private static final int LISTENER = 1;
    private static final int FIRST_SLOT = 2;
    private static final int RECEIVING = 0;
    private static final int SENDING = 1;
    private static final int AWAITING_CLOSE = 2;

    private Answerer() {
    }

    /** Connection slots for a client that keeps {@code connections} open at once. */
    static int slots(int connections) {
        return 2 * connections + 16;
    }

    /** What the message buffers take, one per slot. */
    static long bufferBytes(int connections, int size) {
        return slots(connections) * MessageBuffer.receivingBytes(size);
    }

    /** Serves a connect cell until the client closes {@code control}. */
    static void serve(Connection control, Transport transport, PeerSpec spec) throws IOException {
        Dialing dialing = transport.dialing();
        if (dialing == null) {
            throw new IOException(spec.transport() + " on the " + spec.engine() + " engine dials no connections");
        }
        int size = spec.options().messageSize();
        boolean peerClosesFirst = spec.closer() == Closer.PEER;
        int n = slots(spec.connections());
        try (DialListener listener = dialing.listen(control, spec.options());
             Poller poller = Poller.ofSlots(FIRST_SLOT + n)) {
            DialedConnection[] slots = new DialedConnection[n];
            MessageProgress[] progress = new MessageProgress[n];
            MessageBuffer[] buffers = new MessageBuffer[n];
            int[] state = new int[n];
            int[] free = new int[n];
            for (int i = 0; i < n; i++) {
                slots[i] = dialing.newConnection(listener.address());
                progress[i] = new MessageProgress(slots[i], spec.transport().preservesBoundaries());
                buffers[i] = MessageBuffer.forReceiving(size);
                free[i] = n - 1 - i;
            }
            int freeCount = n;
            sendAddress(control, listener.address());
            poller.watch(CONTROL, control.pollDescriptor(), false);
            poller.watch(LISTENER, listener.pollDescriptor(), false);
            boolean listening = true;
            try {
                while (true) {
                    int ready = poller.await(-1);
                    for (int k = 0; k < ready; k++) {
                        int index = poller.readyIndex(k);
                        if (index == CONTROL) {
                            return; // the client closed the control connection: the cell is over
                        }
                        if (index == LISTENER) {
                            while (freeCount > 0) {
                                int i = free[freeCount - 1];
                                if (!listener.accept(slots[i])) {
                                    break;
                                }
                                freeCount--;
                                state[i] = RECEIVING;
                                progress[i].startReceiving();
                                poller.watch(FIRST_SLOT + i, slots[i].pollDescriptor(), false);
                            }
                            if (freeCount == 0) {
                                poller.ignore(LISTENER);
                                listening = false;
                            }
                            continue;
                        }
                        int i = index - FIRST_SLOT;
                        if (answer(slots[i], progress[i], buffers[i], size, state, i, peerClosesFirst,
                                spec.linger0(), poller)) {
                            free[freeCount++] = i;
                            if (!listening) {
                                poller.watch(LISTENER, listener.pollDescriptor(), false);
                                listening = true;
                            }
                        }
                    }
                }
            } finally {
                for (DialedConnection slot : slots) {
                    if (slot != null) {
                        slot.close();
                    }
                }
            }
        }
    }

    /** Moves connection {@code i} on as far as it can go now; true once it is closed and its slot free. */
    private static boolean answer(DialedConnection connection, MessageProgress progress, MessageBuffer buffer, int size,
                                  int[] state, int i, boolean peerClosesFirst, boolean reset, Poller poller)
            throws IOException {
        try {
            if (state[i] == RECEIVING) {
                if (!progress.receiveMore(buffer, size)) {
                    return false;
                }
                progress.startSending(progress.received());
                state[i] = SENDING;
                if (!progress.sendMore(buffer)) {
                    poller.watchWritable(FIRST_SLOT + i);
                    return false;
                }
            } else if (state[i] == SENDING) {
                if (!progress.sendMore(buffer)) {
                    return false;
                }
            } else {
                if (!connection.otherSideClosed()) {
                    return false;
                }
                connection.hangUp(false);
                return true;
            }
            // The reply has gone.
            if (peerClosesFirst) {
                connection.hangUp(reset);
                return true;
            }
            state[i] = AWAITING_CLOSE;
            poller.watchReadable(FIRST_SLOT + i);
            return false;
        } catch (IOException gone) {
            // The client closed or reset this connection early (its own side reports why): free the slot.
            connection.hangUp(false);
            return true;
        }
    }

    /** Tells the client where to dial, on the control connection. */
    static void sendAddress(Connection control, String address) throws IOException {
        byte[] bytes = address.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > ADDRESS_BYTES) {
            throw new IOException("the address " + address + " is longer than " + ADDRESS_BYTES + " bytes");
        }
        MessageBuffer message = new MessageBuffer(ADDRESS_BYTES);
        message.buffer().put(0, bytes);
        control.send(message, ADDRESS_BYTES);
    }

    /** Client side: where the peer listens for dialled connections, as it says on {@code control} within {@code timeout}. */
    public static String awaitAddress(Connection control, Duration timeout) throws IOException {
        Sockets.awaitReadable(control.pollDescriptor(), timeout, "the peer's address for dialled connections");
        MessageBuffer message = MessageBuffer.forReceiving(ADDRESS_BYTES);
        int length = control.receive(message, ADDRESS_BYTES);
        if (length != ADDRESS_BYTES) {
            throw new ProtocolException("the peer's address message was " + length + " bytes, not " + ADDRESS_BYTES);
        }
        byte[] bytes = new byte[ADDRESS_BYTES];
        message.buffer().get(0, bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
