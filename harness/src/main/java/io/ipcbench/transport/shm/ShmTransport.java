package io.ipcbench.transport.shm;

import static io.ipcbench.os.Native.LIBC;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.ipcbench.os.Native;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * Shared memory: two single-producer single-consumer rings (Agrona's {@code OneToOneRingBuffer}),
 * one each way, in a memfd that the client makes and the peer maps through
 * {@code /proc/<client pid>/fd/<fd>}, its address. The idle strategy, the transport's variant, is
 * written into the mapping's header by the client, so that both sides wait alike.
 */
public final class ShmTransport implements Transport {
    /**
     * What a JVM that runs this transport must be started with: Agrona 2 reaches
     * {@code jdk.internal.misc.Unsafe}, which {@code java.base} does not export. {@code java -jar}
     * takes it from the jar's manifest ({@code Add-Exports}); the peer launcher passes it.
     */
    public static final String JVM_FLAG = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** The largest message: an eighth of the largest ring. */
    public static final int MAX_MESSAGE_BYTES = SharedRings.MAX_CAPACITY / SharedRings.MESSAGES_PER_RING;
    private static final String MEMFD_NAME = "ipcbench-shm";
    private static final long HELLO_POLL_MILLIS = 1;

    @Override
    public TransportKind kind() {
        return TransportKind.SHM;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        requireUnsafeAccess();
        IdleChoice idle = IdleChoice.of(options.variant());
        int capacity = SharedRings.capacityFor(options.messageSize());
        int fd = Native.check(SharedRings.CALLS.memfd_create(MEMFD_NAME, SharedMemoryCalls.MFD_CLOEXEC),
                "memfd_create");
        try {
            long pid = ProcessHandle.current().pid();
            return listener(fd, "/proc/" + pid + "/fd/" + fd, SharedRings.create(fd, capacity, idle, pid), options);
        } catch (IOException | RuntimeException e) {
            LIBC.close(fd);
            throw e;
        }
    }

    /** The client's side before the peer has said hello: the memfd, open for the peer to find. */
    private static Listener listener(int fd, String address, SharedRings rings, TransportOptions options) {
        return new Listener() {
            private boolean accepted;

            @Override
            public String address() {
                return address;
            }

            @Override
            public Connection accept(long peerPid) throws IOException {
                if (accepted) {
                    throw new IOException("a shm listener takes one connection");
                }
                awaitHello(rings, peerPid, options.connectTimeout());
                RingConnection connection = greeted(new RingConnection(rings, true), Hello::read);
                accepted = true;
                return connection;
            }

            /** Closes the memfd; the rings go with the connection, or now if the peer never came. */
            @Override
            public void close() {
                LIBC.close(fd);
                if (!accepted) {
                    rings.release();
                }
            }
        };
    }

    /** Waits for the peer's hello in the ring, watching that the peer process (if it is one) still runs. */
    private static void awaitHello(SharedRings rings, long peerPid, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rings.toClient().size() == 0) {
            if (peerPid > 0 && ProcessHandle.of(peerPid).map(p -> !p.isAlive()).orElse(true)) {
                throw new EOFException("the peer exited before it said hello");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("no hello from the peer within " + timeout.toMillis() + " ms");
            }
            try {
                Thread.sleep(HELLO_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the peer's hello");
            }
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        requireUnsafeAccess();
        int fd = Native.check(LIBC.open(address, SharedMemoryCalls.O_RDWR | Native.O_CLOEXEC, 0),
                "open(" + address + ")");
        SharedRings rings;
        try {
            rings = SharedRings.open(fd, Files.size(Path.of(address)));
        } finally {
            // The mapping keeps the memfd; the descriptor is not needed any more.
            LIBC.close(fd);
        }
        rings.publishPeerPid(ProcessHandle.current().pid());
        return greeted(new RingConnection(rings, false), Hello::send);
    }

    /** One side's part of the hello. */
    private interface HelloPart {
        void take(Connection connection) throws IOException;
    }

    /** The connection once its side of the hello is done; closed if that fails. */
    private static RingConnection greeted(RingConnection connection, HelloPart hello) throws IOException {
        try {
            hello.take(connection);
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void requireUnsafeAccess() throws IOException {
        if (!Object.class.getModule().isExported("jdk.internal.misc", ShmTransport.class.getModule())) {
            throw new IOException("shm needs this JVM started with " + JVM_FLAG
                    + " (Agrona reaches jdk.internal.misc.Unsafe); java -jar ipcbench.jar sets it");
        }
    }
}
