package io.ipcbench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ipcbench.os.Poller;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.peer.ThreadPeerLauncher;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every transport must do, written once and run for each transport and engine. The peer is
 * the real echo loop: on a thread of this JVM, or (for pipes, which need a child's standard
 * streams) in a real child process. What a transport does not promise is skipped, visibly, with why.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransportContractTest {
    @TempDir
    Path directory;

    /** SO_SNDBUF and SO_RCVBUF the next session asks for (0: the kernel's default). */
    private int requestedSendBuffer;
    private int requestedReceiveBuffer;

    static Stream<Arguments> transports() {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (TransportKind kind : TransportKind.values()) {
                all.add(Arguments.of(kind, engine));
            }
        }
        return all.stream();
    }

    /** A client connection to an echoing peer, and what it takes to tear it down. */
    private record Session(Listener listener, PeerHandle peer, Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
            peer.close();
            listener.close();
        }
    }

    private Session open(TransportKind kind, Engine engine, int size, long peerDelayMicros) throws IOException {
        return open(kind, engine, size, peerDelayMicros, false);
    }

    /**
     * @param peerProcess run the peer as a real child process even where a thread would do: only a
     *                    process's death closes its descriptors under a blocked read
     */
    private Session open(TransportKind kind, Engine engine, int size, long peerDelayMicros, boolean peerProcess)
            throws IOException {
        Transport transport;
        try {
            transport = Transports.of(kind, engine);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "not available: " + e.getMessage());
            throw e;
        }
        TransportOptions options = new TransportOptions(directory, size, true, TransportOptions.DEFAULT_BIND_HOST,
                Duration.ofSeconds(10), Duration.ofMillis(200), requestedSendBuffer, requestedReceiveBuffer);
        Listener listener = transport.listen(options);
        PeerLauncher launcher = transport.usesPeerStdio() || peerProcess
                ? new ProcessPeerLauncher()
                : new ThreadPeerLauncher(k -> Transports.of(k, engine));
        PeerHandle peer = launcher.launch(new PeerSpec(kind, engine, listener.address(), options, null, peerDelayMicros),
                transport.usesPeerStdio());
        return new Session(listener, peer, listener.accept(peer.pid()));
    }

    static int[] sizesFor(TransportKind kind) {
        int largest = Math.min(kind.maxMessageSize(), 200_000);
        return new int[] {8, 64, 1000, 4096, 65_000 > largest ? largest : 65_000, largest == Integer.MAX_VALUE ? 200_000 : largest};
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void echoesEveryByteAtEverySize(TransportKind kind, Engine engine) throws IOException {
        Random random = new Random(42);
        for (int size : sizesFor(kind)) {
            try (Session session = open(kind, engine, size, 0)) {
                MessageBuffer out = new MessageBuffer(size);
                MessageBuffer in = new MessageBuffer(size + 64);
                for (int message = 0; message < 20; message++) {
                    byte[] sent = new byte[size];
                    random.nextBytes(sent);
                    out.buffer().put(0, sent);
                    session.connection().send(out, size);
                    int length = session.connection().receive(in, size);
                    assertEquals(size, length, kind + ": length of echo " + message + " at " + size + " B");
                    byte[] received = new byte[size];
                    in.buffer().get(0, received);
                    assertArrayEquals(sent, received, kind + ": bytes of echo " + message + " at " + size + " B");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void keepsMessageBoundariesWhereItPromisesTo(TransportKind kind, Engine engine) throws IOException {
        assumeTrue(kind.preservesBoundaries(), kind + " is a byte stream: it promises no boundaries");
        int[] lengths = {100, 17, 300, 8};
        try (Session session = open(kind, engine, 300, 0)) {
            MessageBuffer out = new MessageBuffer(300);
            for (int i = 0; i < lengths.length; i++) {
                out.buffer().put(0, (byte) i);
                session.connection().send(out, lengths[i]);
            }
            MessageBuffer in = new MessageBuffer(1024);
            for (int i = 0; i < lengths.length; i++) {
                int length = session.connection().receiveOnce(in, 1024);
                assertEquals(lengths[i], length, kind + ": message " + i + " came back as one piece of its own length");
                assertEquals((byte) i, in.buffer().get(0), kind + ": message " + i + " in order");
            }
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void reportsEndOfStreamWhenThePeerGoes(TransportKind kind, Engine engine) throws IOException {
        assumeFalse(kind == TransportKind.UDP || kind == TransportKind.UNIX_DGRAM,
                kind + " is connectionless: there is no end to report");
        try (Session session = open(kind, engine, 64, 0, true)) {
            session.peer().kill();
            MessageBuffer in = new MessageBuffer(128);
            assertThrows(EOFException.class, () -> session.connection().receive(in, 64));
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void aDatagramNotAnsweredInTimeIsReportedNotWaitedFor(TransportKind kind, Engine engine) throws IOException {
        assumeTrue(kind == TransportKind.UDP || kind == TransportKind.UNIX_DGRAM,
                kind + " has no receive timeout: it is reliable, or a stream");
        // The peer waits 2 s before echoing; the client's receive timeout is 200 ms.
        try (Session session = open(kind, engine, 64, 2_000_000)) {
            MessageBuffer out = new MessageBuffer(64);
            session.connection().send(out, 64);
            assertEquals(Connection.TIMED_OUT, session.connection().receive(new MessageBuffer(128), 64));
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void refusesADatagramLargerThanItCarries(TransportKind kind, Engine engine) throws IOException {
        assumeTrue(kind.maxMessageSize() < Integer.MAX_VALUE, kind + " carries any size");
        int tooLarge = kind.maxMessageSize() + 1;
        try (Session session = open(kind, engine, 64, 0)) {
            MessageBuffer out = new MessageBuffer(tooLarge);
            IOException refused = assertThrows(IOException.class, () -> session.connection().send(out, tooLarge));
            assertTrue(refused.getMessage().contains("EMSGSIZE") || refused.getMessage().contains("too long")
                    || refused.getMessage().toLowerCase().contains("message"), refused.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void movesAMessageLargerThanItsBuffersInPiecesWithoutBlocking(TransportKind kind, Engine engine)
            throws IOException {
        requestedSendBuffer = 32 * 1024;
        requestedReceiveBuffer = 32 * 1024;
        // Larger than both buffers together for a stream; a datagram must fit the (doubled) send buffer.
        int size = kind.preservesBoundaries() ? 60_000 : 300_000;
        // A peer thread on a socket without an end (udp, unix-dgram) takes seconds to stop; a process does not.
        boolean connectionless = kind == TransportKind.UDP || kind == TransportKind.UNIX_DGRAM;
        try (Session session = open(kind, engine, size, 0, connectionless)) {
            Connection connection = session.connection();
            assumeTrue(connection.pollDescriptor() >= 0, kind + " (" + engine + ") moves whole messages only");
            byte[] sent = new byte[size];
            new Random(7).nextBytes(sent);
            MessageBuffer out = new MessageBuffer(size);
            out.buffer().put(0, sent);
            MessageBuffer in = MessageBuffer.forReceiving(size);
            MessageProgress progress = new MessageProgress(connection, kind.preservesBoundaries());
            try (Poller poller = new Poller(new int[] {connection.pollDescriptor()})) {
                progress.startSending(size);
                poller.watchWritable(0);
                while (!progress.sendMore(out)) {
                    poller.await(5_000);
                }
                if (!kind.preservesBoundaries()) {
                    // The peer now writes its echo, larger than the buffers, and reads nothing until it has
                    // gone: a second message cannot go, and trying returns at once instead of waiting.
                    progress.startSending(size);
                    assertFalse(progress.sendMore(out), kind + ": a second message went whole");
                }
                poller.watchReadable(0);
                while (!progress.receiveMore(in, size)) {
                    poller.await(5_000);
                }
            }
            assertEquals(size, progress.received(), kind + ": length of the echo");
            byte[] received = new byte[size];
            in.buffer().get(0, received);
            assertArrayEquals(sent, received, kind + ": bytes of the echo");
        }
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("transports")
    void recordsTheBufferSizesTheKernelGranted(TransportKind kind, Engine engine) throws IOException {
        requestedSendBuffer = 64 * 1024;
        requestedReceiveBuffer = 128 * 1024;
        try (Session session = open(kind, engine, 64, 0)) {
            Connection.BufferSizes granted = session.connection().bufferSizes();
            if (kind.carrier() != TransportKind.Carrier.SOCKET) {
                assertEquals(null, granted, kind + " has no socket buffers");
            } else {
                // Linux grants at least what is asked (twice it, for its bookkeeping, as getsockopt says).
                assertTrue(granted.send() >= requestedSendBuffer, kind + " SO_SNDBUF " + granted.send());
                assertTrue(granted.receive() >= requestedReceiveBuffer, kind + " SO_RCVBUF " + granted.receive());
                assertTrue(granted.receive() > granted.send(), kind + ": each option reached its own buffer");
            }
        }
    }
}
