package io.ipcbench.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.peer.ThreadPeerLauncher;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the shm transport adds to the contract every transport keeps: its shared memory goes when
 * the channel does, however the peer ends, and each idle strategy carries round trips and reaches
 * both sides.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShmTransportTest {
    /** How the memfd shows in /proc: in maps as {@code /memfd:ipcbench-shm (deleted)}, as a descriptor's link. */
    private static final String MEMFD = "memfd:ipcbench-shm";

    @TempDir
    Path directory;

    private TransportOptions options(String idle) {
        return new TransportOptions(directory, 64, true, TransportOptions.DEFAULT_BIND_HOST, Duration.ofSeconds(10),
                TransportOptions.DEFAULT_RECEIVE_TIMEOUT, 0, 0, idle);
    }

    /** This process's mappings of the shm transport's memfds. */
    private static long mappings() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(line -> line.contains(MEMFD)).count();
    }

    /** This process's descriptors of the shm transport's memfds. */
    private static long descriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains(MEMFD);
                } catch (IOException e) {
                    return false; // closed while listed
                }
            }).count();
        }
    }

    private static void roundTrips(Connection connection, int count) throws IOException {
        MessageBuffer out = new MessageBuffer(64);
        MessageBuffer in = MessageBuffer.forReceiving(64);
        for (long i = 1; i <= count; i++) {
            out.buffer().putLong(0, i);
            connection.send(out, 64);
            assertEquals(64, connection.receive(in, 64));
            assertEquals(i, in.buffer().getLong(0), "echo of message " + i);
        }
    }

    @Test
    void theSharedMemoryIsGoneOnceTheChannelIsClosed() throws IOException {
        long before = mappings();
        ShmTransport transport = new ShmTransport();
        Listener listener = transport.listen(options(null));
        PeerHandle peer = new ThreadPeerLauncher(kind -> new ShmTransport()).launch(
                new PeerSpec(TransportKind.SHM, Engine.RAW, listener.address(), options(null), null, 0), false);
        Connection connection = listener.accept(peer.pid());
        roundTrips(connection, 100);
        assertEquals(before + 2, mappings(), "both sides map it while the channel is open");
        assertEquals(1, descriptors(), "the client holds the memfd open for the peer to find");

        connection.close();
        peer.close();
        listener.close();

        assertEquals(before, mappings(), "neither side maps it any more");
        assertEquals(0, descriptors(), "no descriptor keeps it");
    }

    @Test
    void theSharedMemoryIsGoneWhenThePeerIsKilled() throws IOException {
        long before = mappings();
        ShmTransport transport = new ShmTransport();
        Listener listener = transport.listen(options(null));
        PeerHandle peer = new ProcessPeerLauncher().launch(
                new PeerSpec(TransportKind.SHM, Engine.RAW, listener.address(), options(null), null, 0), false);
        Connection connection = listener.accept(peer.pid());
        roundTrips(connection, 100);

        peer.kill();
        // A ring has no end of its own: the peer's death must be seen for what it is, not waited out.
        EOFException end = assertThrows(EOFException.class, () -> connection.receive(new MessageBuffer(128), 64));
        assertTrue(end.getMessage().contains("pid " + peer.pid() + ") is gone"), end.getMessage());
        connection.close();
        peer.close();
        listener.close();

        assertFalse(peer.isAlive());
        assertEquals(before, mappings(), "no mapping left in this process");
        assertEquals(0, descriptors(), "no descriptor left in this process");
    }

    @ParameterizedTest
    @EnumSource(IdleChoice.class)
    void eachIdleStrategyCarriesRoundTripsToAPeerProcess(IdleChoice idle) throws IOException {
        ShmTransport transport = new ShmTransport();
        try (Listener listener = transport.listen(options(idle.label()))) {
            try (PeerHandle peer = new ProcessPeerLauncher().launch(new PeerSpec(TransportKind.SHM, Engine.RAW,
                    listener.address(), options(idle.label()), null, 0), false);
                 Connection connection = listener.accept(peer.pid())) {
                roundTrips(connection, 2_000);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IdleChoice.class)
    void theClientsIdleStrategyReachesThePeerThroughTheMapping(IdleChoice idle) throws IOException {
        ShmTransport transport = new ShmTransport();
        // The peer is told nothing but the address; what it waits with, it reads from the mapping.
        try (Listener listener = transport.listen(options(idle.label()));
             Connection peer = transport.connect(listener.address(), options(null));
             Connection client = listener.accept(-1)) {
            assertEquals(idle.label(), ((RingConnection) client).idleStrategy());
            assertEquals(idle.label(), ((RingConnection) peer).idleStrategy());
        }
    }

    @Test
    void noneChosenIsTheKindsDefault() throws IOException {
        ShmTransport transport = new ShmTransport();
        try (Listener listener = transport.listen(options(null));
             Connection peer = transport.connect(listener.address(), options(null));
             Connection client = listener.accept(-1)) {
            assertEquals(TransportKind.SHM.variants().defaultLabel(), ((RingConnection) client).idleStrategy());
            assertEquals("backoff", ((RingConnection) peer).idleStrategy());
        }
    }

    @Test
    void whatTheOtherSideSentBeforeClosingIsReadBeforeTheEnd() throws IOException {
        ShmTransport transport = new ShmTransport();
        try (Listener listener = transport.listen(options(null))) {
            Connection peer = transport.connect(listener.address(), options(null));
            try (Connection client = listener.accept(-1)) {
                MessageBuffer out = new MessageBuffer(64);
                for (long i = 1; i <= 3; i++) {
                    out.buffer().putLong(0, i);
                    peer.send(out, 8 * (int) i);
                }
                peer.close();
                MessageBuffer in = new MessageBuffer(128);
                for (long i = 1; i <= 3; i++) {
                    assertEquals(8 * (int) i, client.receive(in, 64), "message " + i + " whole, at its own length");
                    assertEquals(i, in.buffer().getLong(0));
                }
                assertThrows(EOFException.class, () -> client.receive(in, 64));
            }
        }
    }

    @Test
    void aPeerThatDiesBeforeItConnectsIsAnEndNotAHang() throws Exception {
        ShmTransport transport = new ShmTransport();
        try (Listener listener = transport.listen(options(null))) {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            IOException refused = assertThrows(IOException.class, () -> listener.accept(gone.pid()));
            assertTrue(refused.getMessage().contains("exited before it said hello"), refused.getMessage());
        }
        assertEquals(0, descriptors(), "the memfd is closed with the listener");
        assertEquals(0, mappings(), "and its mapping gone, since no connection took it");
    }
}
