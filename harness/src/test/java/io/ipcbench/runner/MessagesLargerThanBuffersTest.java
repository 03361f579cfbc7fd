package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.config.RunConfig;
import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.CellMode;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Transports;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several connections whose messages outgrow the socket buffers, against real peer processes: one
 * thread serving several connections must never wait on one while another could move, or the
 * client, writing a message on one connection, and the peer, writing its echo on another, each
 * wait for the other for ever.
 *
 * <p>Every transport that takes several connections, at 2 and 8 connections, in latency mode at
 * both sizes and in throughput mode at the odd one (each cell starts a peer JVM: the test keeps to
 * the cells that tell something). Socket buffers are asked for small, 32 KiB, which Linux doubles,
 * so that the cells are quick; far smaller, and loopback TCP, whose segments are up to 64 KiB,
 * stalls on its own for 200 ms at a time. Two sizes: four times the granted buffer, and that less
 * 1,237 B (a prime), which is a multiple of no buffer size. A datagram transport's largest datagram
 * is below four buffers (UDP carries 65,507 B at most, a Unix datagram its send buffer less 32 B),
 * so there the larger size is the largest datagram it carries.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MessagesLargerThanBuffersTest {
    private static final int ASKED_BUFFER = 32 * 1024;
    private static final int NOT_A_MULTIPLE = 1_237;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"TCP", "UDP", "UNIX_STREAM", "UNIX_DGRAM", "UNIX_SEQPACKET"})
    void severalConnectionsCarryMessagesLargerThanTheSocketBuffers(TransportKind kind) throws IOException {
        int granted = grantedBuffer(kind);
        int large = Math.min(4 * granted, kind.maxMessageSize(granted));
        int odd = large - NOT_A_MULTIPLE;
        RunConfig config = RunConfig.builder().transports(List.of(kind.label())).sizes(List.of(large, odd))
                .throughputSizes(List.of(odd)).connections(List.of(2, 8)).iterations(200)
                .warmupIterations(50).throughputMillis(100).sendBufferBytes(ASKED_BUFFER)
                .receiveBufferBytes(ASKED_BUFFER).peerTimeoutMillis(3_000).outputDirectory("unused").build();

        RunResult run;
        try (Sweep sweep = new Sweep(config, Transports::of, new ProcessPeerLauncher(), NanoClock.SYSTEM,
                RunListener.SILENT, Sweep.Probes.NONE)) {
            run = sweep.run(folder, "test");
        }

        assertEquals(6, run.cells().size());
        for (CellResult cell : run.cells()) {
            String name = cell.transport() + ", " + cell.mode() + ", " + cell.size() + " B, " + cell.connections()
                    + " connections";
            assertTrue(cell.ok(), name + ": " + cell.error());
            assertEquals(granted, cell.socketBuffers().sendBytes(), name + ": the buffer the sizes were made for");
            if (!kind.preservesBoundaries() && cell.size() == large) {
                assertTrue(cell.size() >= 4 * Math.max(cell.socketBuffers().sendBytes(),
                        cell.socketBuffers().receiveBytes()), name + ": four buffers at least");
            }
            assertEquals(0, cell.errors().total(), name);
            if (CellMode.LATENCY.label().equals(cell.mode())) {
                assertTrue(cell.latencyNs().count() >= 200, name + ": " + cell.latencyNs().count() + " round trips");
            } else {
                assertTrue(cell.throughput().messages() > 0, name);
                assertEquals(cell.throughput().messages() * cell.size(), cell.throughput().bytes(), name);
            }
        }
    }

    /** SO_SNDBUF as the kernel grants it when {@link #ASKED_BUFFER} is asked for, on this transport's kind of socket. */
    private static int grantedBuffer(TransportKind kind) throws IOException {
        int domain = kind == TransportKind.TCP || kind == TransportKind.UDP ? Native.AF_INET : Native.AF_UNIX;
        int type = switch (kind) {
            case UDP, UNIX_DGRAM -> Native.SOCK_DGRAM;
            case UNIX_SEQPACKET -> Native.SOCK_SEQPACKET;
            default -> Native.SOCK_STREAM;
        };
        int fd = Sockets.socket(domain, type);
        try {
            Sockets.setInt(fd, Native.SOL_SOCKET, Native.SO_SNDBUF, ASKED_BUFFER, "SO_SNDBUF");
            return Sockets.getInt(fd, Native.SOL_SOCKET, Native.SO_SNDBUF, "SO_SNDBUF");
        } finally {
            Sockets.close(fd);
        }
    }
}
