package io.ipcbench.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ipcbench.peer.Echo;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Secret;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the jdk engine's transports must do, written once and run for every kind it implements
 * (the others are skipped, saying why).
 *
 * <pre>
 *   this thread: client                       peer: a thread of this JVM calling connect(),
 *   listen() ─ address ──────────────────►    or, for pipes, a real child process (its
 *   accept() ◄──────────────── hello ───       standard streams are the channel)
 *   send / receive ◄──────────► echo, or whatever the test makes the peer do
 * </pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkTransportContractTest {
    private static final int[] SIZES = {8, 64, 1024, 16 * 1024, 60 * 1024};
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path directory;

    /** What the peer side does once connected. */
    @FunctionalInterface
    private interface PeerBehaviour {
        void run(Connection peer) throws IOException, InterruptedException;
    }

    /**
     * A connected client, with the peer: a thread here ({@code peerThread}, which closes its own
     * connection when it is done) or, for pipes, a child {@code process}.
     *
     * <p>A peer thread must end before anything closes its socket: junixsocket's channels read from
     * their descriptor's number, so a thread still reading after another closed its channel reads
     * whatever socket the next session is given that number, and steals its hello or its replies.
     * Closing the client ends a connected peer's loop; a datagram peer cannot see the client go, so
     * the client first says {@link #GOODBYE}.
     */
    private record Session(TransportKind kind, Listener listener, Connection client, PeerHandle process,
                           Thread peerThread) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (peerThread != null && peerThread.isAlive() && kind.connectionless()) {
                    client.send(new MessageBuffer(GOODBYE), GOODBYE);
                }
            } catch (IOException peerGoneAlready) {
                // it ended between the look and the goodbye: the join below finds it ended
            } finally {
                client.close();
                if (process != null) {
                    process.close();
                }
                listener.close();
            }
            if (peerThread != null) {
                try {
                    peerThread.join(PEER_END.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertFalse(peerThread.isAlive(), kind + ": the peer thread did not end within " + PEER_END);
            }
        }
    }

    /** The length of the message that ends {@link #echoUntilGoodbye}: no test sends one this short. */
    private static final int GOODBYE = 1;
    private static final Duration PEER_END = Duration.ofSeconds(10);

    /** {@link Echo}'s loop, ended also by the client's {@link #GOODBYE}. */
    private static void echoUntilGoodbye(Connection peer, int size) throws IOException {
        MessageBuffer buffer = MessageBuffer.forReceiving(size);
        try {
            while (true) {
                int length = peer.receive(buffer, size);
                if (length == GOODBYE) {
                    return;
                }
                if (length != Connection.TIMED_OUT) {
                    peer.send(buffer, length);
                }
            }
        } catch (EOFException clientClosed) {
            // a connected peer's end
        }
    }

    private TransportOptions options(int size, Duration connectTimeout, Duration receiveTimeout) {
        return new TransportOptions(directory, size, true, TransportOptions.DEFAULT_BIND_HOST, connectTimeout,
                receiveTimeout, 0, 0, Secret.random());
    }

    /** Opens a session whose peer echoes: the real peer process for pipes, a thread otherwise. */
    private Session echoing(TransportKind kind, int size) throws IOException {
        return open(kind, options(size, Duration.ofSeconds(10), Duration.ofMillis(500)),
                peer -> echoUntilGoodbye(peer, size));
    }

    /** The jdk engine's transport of this kind; a kind it does not implement skips the test with the reason. */
    private static Transport jdkTransport(TransportKind kind) {
        assumeTrue(kind.engines().contains(Engine.JDK), kind.whyNotOn(Engine.JDK));
        return JdkTransports.of(kind);
    }

    private Session open(TransportKind kind, TransportOptions options, PeerBehaviour behaviour) throws IOException {
        Transport transport = jdkTransport(kind);
        assertEquals(kind, transport.kind());
        Listener listener = transport.listen(options);
        try {
            if (transport.usesPeerStdio()) {
                PeerHandle process = new ProcessPeerLauncher().launch(
                        new PeerSpec(kind, Engine.JDK, listener.address(), options, null, 0), true);
                try {
                    return new Session(kind, listener, listener.accept(process.pid()), process, null);
                } catch (IOException | RuntimeException e) {
                    process.close();
                    throw e;
                }
            }
            Thread thread = new Thread(() -> {
                // A peer that fails closes its connection, so the client sees the end instead of waiting.
                try (Connection peer = transport.connect(listener.address(), options)) {
                    behaviour.run(peer);
                } catch (Exception e) {
                    // the client's assertions say what went wrong
                }
            }, "jdk-contract-peer-" + kind);
            thread.setDaemon(true);
            thread.start();
            Connection client = listener.accept(ProcessHandle.current().pid());
            return new Session(kind, listener, client, null, thread);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private static int largestSize(TransportKind kind) {
        return Math.min(kind.maxMessageSize(), SIZES[SIZES.length - 1]);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void echoesEveryByteAtEverySize(TransportKind kind) throws IOException {
        Random random = new Random(7);
        for (int size : SIZES) {
            assumeTrue(size <= largestSize(kind), kind + " carries no " + size + " B message");
            try (Session session = echoing(kind, size)) {
                MessageBuffer out = new MessageBuffer(size);
                MessageBuffer in = new MessageBuffer(size + 64);
                for (int message = 0; message < 3; message++) {
                    byte[] sent = new byte[size];
                    random.nextBytes(sent);
                    out.buffer().put(0, sent);
                    session.client().send(out, size);
                    String what = kind + ": echo " + message + " at " + size + " B";
                    assertEquals(size, session.client().receive(in, size), what + ": length");
                    byte[] received = new byte[size];
                    in.buffer().get(0, received);
                    assertArrayEquals(sent, received, what + ": bytes");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void datagramsKeepTheirBoundaries(TransportKind kind) throws IOException {
        assumeTrue(kind.preservesBoundaries(), kind + " is a byte stream: it promises no boundaries");
        int[] lengths = {100, 17, 300, 8};
        try (Session session = echoing(kind, 300)) {
            MessageBuffer out = new MessageBuffer(300);
            for (int i = 0; i < lengths.length; i++) {
                out.buffer().put(0, (byte) (i + 1));
                session.client().send(out, lengths[i]);
            }
            MessageBuffer in = new MessageBuffer(1024);
            for (int i = 0; i < lengths.length; i++) {
                assertEquals(lengths[i], session.client().receive(in, 300),
                        kind + ": message " + i + " came back whole and alone");
                assertEquals((byte) (i + 1), in.buffer().get(0), kind + ": message " + i + " in order");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void aStreamReceiveWaitsForTheWholeMessage(TransportKind kind) throws Exception {
        assumeFalse(kind.preservesBoundaries(), kind + " keeps boundaries: one receive is one message");
        assumeFalse(kind == TransportKind.PIPE,
                "the pipe's peer is the real echo process, which cannot be made to send in pieces");
        byte[] message = new byte[64];
        new Random(3).nextBytes(message);
        TransportOptions options = options(64, Duration.ofSeconds(10), Duration.ofMillis(500));
        try (Session session = open(kind, options, peer -> {
            MessageBuffer head = new MessageBuffer(8);
            head.buffer().put(0, message, 0, 8);
            MessageBuffer tail = new MessageBuffer(56);
            tail.buffer().put(0, message, 8, 56);
            peer.send(head, 8);
            Thread.sleep(50);
            peer.send(tail, 56);
        })) {
            MessageBuffer in = new MessageBuffer(64);
            assertEquals(64, session.client().receive(in, 64));
            byte[] received = new byte[64];
            in.buffer().get(0, received);
            assertArrayEquals(message, received, kind + ": two writes read back as one message");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void reportsEndOfStreamWhenThePeerCloses(TransportKind kind) throws Exception {
        assumeFalse(kind == TransportKind.UDP || kind == TransportKind.UNIX_DGRAM,
                kind + " is connectionless: there is no end to report");
        MessageBuffer in = new MessageBuffer(128);
        if (kind == TransportKind.PIPE) {
            try (Session session = echoing(kind, 64)) {
                session.process().kill();
                assertThrows(EOFException.class, () -> session.client().receive(in, 64));
            }
            return;
        }
        TransportOptions options = options(64, Duration.ofSeconds(10), Duration.ofMillis(500));
        try (Session session = open(kind, options, Connection::close)) {
            assertThrows(EOFException.class, () -> session.client().receive(in, 64));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void reportsEndOfStreamWhenTheClientCloses(TransportKind kind) throws Exception {
        assumeFalse(kind == TransportKind.UDP || kind == TransportKind.UNIX_DGRAM,
                kind + " is connectionless: there is no end to report");
        if (kind == TransportKind.PIPE) {
            try (Session session = echoing(kind, 64)) {
                // The peer process sees the end of its standard input once our channel and the
                // launcher's stream are both closed; it then leaves of its own accord, with 0.
                session.client().close();
                session.process().close();
                assertEquals(OptionalInt.of(0), session.process().exitCode(), kind + ": the peer's exit; it said: "
                        + session.process().lastWords());
            }
            return;
        }
        TransportOptions options = options(64, Duration.ofSeconds(10), Duration.ofMillis(500));
        CompletableFuture<Throwable> peerSaw = new CompletableFuture<>();
        try (Session session = open(kind, options, peer -> {
            try {
                peer.receive(new MessageBuffer(128), 64);
                peerSaw.complete(null);
            } catch (IOException e) {
                peerSaw.complete(e);
            }
        })) {
            session.client().close();
            assertTrue(peerSaw.get(10, TimeUnit.SECONDS) instanceof EOFException,
                    kind + ": the peer saw " + peerSaw.getNow(null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void aDatagramNeverAnsweredTimesOutAndTheConnectionLivesOn(TransportKind kind) throws Exception {
        assumeTrue(kind == TransportKind.UDP || kind == TransportKind.UNIX_DGRAM,
                kind + " has no receive timeout: it is reliable, or a stream");
        CompletableFuture<Void> answerNow = new CompletableFuture<>();
        TransportOptions options = options(64, Duration.ofSeconds(10), Duration.ofMillis(100));
        try (Session session = open(kind, options, peer -> {
            MessageBuffer buffer = new MessageBuffer(128);
            int length = peer.receive(buffer, 64);
            try {
                answerNow.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException(e);
            }
            peer.send(buffer, length);
        })) {
            MessageBuffer out = new MessageBuffer(64);
            out.buffer().put(0, (byte) 42);
            session.client().send(out, 64);
            MessageBuffer in = new MessageBuffer(128);
            assertEquals(Connection.TIMED_OUT, session.client().receive(in, 64),
                    kind + ": an unanswered datagram times out");
            answerNow.complete(null);
            assertEquals(64, session.client().receive(in, 64), kind + ": a later datagram still arrives");
            assertEquals((byte) 42, in.buffer().get(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void acceptGivesUpWhenNoPeerComes(TransportKind kind) throws Exception {
        Transport transport = jdkTransport(kind);
        try (Listener listener = transport.listen(options(64, SHORT, SHORT))) {
            if (kind == TransportKind.PIPE) {
                // A child that holds the pipes but never says hello.
                Process silent = new ProcessBuilder("sleep", "30").start();
                try {
                    assertThrows(SocketTimeoutException.class, () -> listener.accept(silent.pid()));
                } finally {
                    silent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } else {
                assertThrows(SocketTimeoutException.class, () -> listener.accept(ProcessHandle.current().pid()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"FIFO", "TCP", "UNIX_STREAM", "UNIX_SEQPACKET"})
    void connectFailsRatherThanWaitsWhenNoClientIsThere(TransportKind kind) throws IOException {
        Transport transport = JdkTransports.of(kind);
        TransportOptions options = options(64, SHORT, SHORT);
        if (kind == TransportKind.FIFO) {
            // The FIFOs are there, but nobody opens their other ends: the peer's open must not wait for ever.
            try (Listener listener = transport.listen(options)) {
                assertThrows(SocketTimeoutException.class, () -> transport.connect(listener.address(), options));
            }
            return;
        }
        String address;
        try (Listener listener = transport.listen(options)) {
            address = listener.address();
        }
        assertThrows(IOException.class, () -> transport.connect(address, options));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void asksForTheSocketBuffersItIsToldToAndReportsWhatItGot(TransportKind kind) throws IOException {
        int requested = 64 * 1024;
        TransportOptions options = new TransportOptions(directory, 64, true, TransportOptions.DEFAULT_BIND_HOST,
                Duration.ofSeconds(10), Duration.ofMillis(500), requested, requested, Secret.random());
        try (Session session = open(kind, options, peer -> echoUntilGoodbye(peer, 64))) {
            Connection.BufferSizes granted = session.client().bufferSizes();
            if (kind == TransportKind.PIPE || kind == TransportKind.FIFO) {
                assertNull(granted, kind + " is not a socket: it has no socket buffers");
            } else {
                assertNotNull(granted, kind + ": granted buffer sizes");
                // Linux doubles what it is asked for, for its own bookkeeping.
                assertTrue(granted.send() >= requested && granted.receive() >= requested, kind + ": " + granted);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind.class)
    void refusesADatagramLargerThanItCarries(TransportKind kind) throws IOException {
        assumeTrue(kind.maxMessageSize() < Integer.MAX_VALUE, kind + " carries any size");
        int tooLarge = kind.maxMessageSize() + 1;
        try (Session session = echoing(kind, 64)) {
            MessageBuffer out = new MessageBuffer(tooLarge);
            IOException refused = assertThrows(IOException.class, () -> session.client().send(out, tooLarge));
            assertTrue(refused.getMessage().toLowerCase().contains("too long"), refused.getMessage());
        }
    }
}
