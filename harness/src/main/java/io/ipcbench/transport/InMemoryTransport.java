package io.ipcbench.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake transport inside one JVM, so that the runner can be tested without sockets or processes
 * (with {@link io.ipcbench.peer.ThreadPeerLauncher}). It can pretend to lose or corrupt messages
 * on their way to the peer, to test the runner's accounting. Unlike the real transports it
 * allocates per message: it is never measured.
 *
 * <p>It behaves as the {@link TransportKind} it is given: whether a lost message times out (kinds
 * that may drop) or the channel keeps boundaries. Messages travel whole on every kind.
 */
public final class InMemoryTransport implements Transport {
    private static final Map<String, BlockingQueue<Side>> WAITING = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ADDRESS = new AtomicLong();
    private static final byte[] END = new byte[0];

    private final TransportKind kind;
    private final long dropEvery;
    private final long corruptEvery;

    /**
     * @param dropEvery    lose every n-th message from client to peer (0: never)
     * @param corruptEvery flip a byte in every n-th message from client to peer (0: never)
     */
    public InMemoryTransport(TransportKind kind, long dropEvery, long corruptEvery) {
        this.kind = kind;
        this.dropEvery = dropEvery;
        this.corruptEvery = corruptEvery;
    }

    public InMemoryTransport(TransportKind kind) {
        this(kind, 0, 0);
    }

    @Override
    public TransportKind kind() {
        return kind;
    }

    @Override
    public Listener listen(TransportOptions options) {
        String address = "memory-" + NEXT_ADDRESS.incrementAndGet();
        BlockingQueue<Side> arrivals = new ArrayBlockingQueue<>(1);
        WAITING.put(address, arrivals);
        return new Listener() {
            @Override
            public String address() {
                return address;
            }

            @Override
            public Connection accept(long peerPid) throws IOException {
                try {
                    Side client = arrivals.poll(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    if (client == null) {
                        throw new SocketTimeoutException("no in-memory peer connected within "
                                + options.connectTimeout().toMillis() + " ms");
                    }
                    return client;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }

            @Override
            public void close() {
                WAITING.remove(address);
            }
        };
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        BlockingQueue<Side> arrivals = WAITING.get(address);
        if (arrivals == null) {
            throw new IOException("nobody listens at " + address);
        }
        BlockingQueue<byte[]> toPeer = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
        long timeoutMillis = kind.mayDropMessages() ? options.receiveTimeout().toMillis() : 0;
        Side client = new Side(toClient, toPeer, timeoutMillis, dropEvery, corruptEvery);
        Side peer = new Side(toPeer, toClient, 0, 0, 0);
        arrivals.add(client);
        return peer;
    }

    /** One end: reads its inbox, writes the other end's. */
    private static final class Side implements Connection {
        private final BlockingQueue<byte[]> inbox;
        private final BlockingQueue<byte[]> outbox;
        private final long receiveTimeoutMillis;
        private final long dropEvery;
        private final long corruptEvery;
        private long sent;
        private volatile boolean closed;

        Side(BlockingQueue<byte[]> inbox, BlockingQueue<byte[]> outbox, long receiveTimeoutMillis,
             long dropEvery, long corruptEvery) {
            this.inbox = inbox;
            this.outbox = outbox;
            this.receiveTimeoutMillis = receiveTimeoutMillis;
            this.dropEvery = dropEvery;
            this.corruptEvery = corruptEvery;
        }

        @Override
        public void send(MessageBuffer message, int length) throws IOException {
            if (closed) {
                throw new IOException("connection closed");
            }
            sent++;
            if (dropEvery > 0 && sent % dropEvery == 0) {
                return;
            }
            byte[] copy = new byte[length];
            message.buffer().get(0, copy);
            if (corruptEvery > 0 && sent % corruptEvery == 0) {
                copy[length / 2] ^= 0x55;
            }
            outbox.add(copy);
        }

        @Override
        public int receive(MessageBuffer message, int length) throws IOException {
            return receiveOnce(message, message.capacity());
        }

        @Override
        public int receiveOnce(MessageBuffer message, int maxLength) throws IOException {
            byte[] next;
            try {
                next = receiveTimeoutMillis > 0 ? inbox.poll(receiveTimeoutMillis, TimeUnit.MILLISECONDS) : inbox.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
            if (next == null) {
                return TIMED_OUT;
            }
            if (next == END) {
                inbox.add(END);
                throw new EOFException("the other side closed the connection");
            }
            int length = Math.min(next.length, maxLength);
            message.buffer().put(0, next, 0, length);
            return length;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                outbox.add(END);
                inbox.add(END);
            }
        }
    }
}
