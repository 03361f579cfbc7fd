package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.config.RunConfig;
import io.ipcbench.peer.PeerHandle;
import io.ipcbench.peer.PeerLauncher;
import io.ipcbench.peer.PeerSpec;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.RunResult;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.Secret;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other processes reach a cell's listening socket before its peer does: each is turned away and
 * counted, and the cell measures the real peer. The session's secret reaches the peer in its
 * environment, never on its command line, which every user can read.
 */
@ExtendWith(NothingLeftBehind.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StrangerTest {
    /** What the strangers say first: 32 bytes, as long as a hello, and not one. */
    private static final byte[] WRONG_HELLO = "not the peer, but just as long..".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    private final List<AutoCloseable> strangers = new ArrayList<>();

    @AfterEach
    void sendStrangersAway() throws Exception {
        for (AutoCloseable stranger : strangers) {
            stranger.close();
        }
    }

    /**
     * Before each peer starts, strangers knock on its listener: on tcp one says something else and one
     * says nothing; on udp one sends a datagram; on unix-stream one, this very process, says a hello
     * with the right secret (the raw engine still turns it away: SO_PEERCRED shows another pid). Then
     * the peer starts, and its command line and environment are kept.
     */
    private final class StrangersFirst implements PeerLauncher {
        private final ProcessPeerLauncher real = new ProcessPeerLauncher();
        final List<String> commandLines = new ArrayList<>();
        final List<String> environments = new ArrayList<>();
        final List<String> secrets = new ArrayList<>();

        @Override
        public PeerHandle launch(PeerSpec spec, boolean stdioChannel) throws IOException {
            knock(spec);
            PeerHandle peer = real.launch(spec, stdioChannel);
            Path process = Path.of("/proc", Long.toString(peer.pid()));
            commandLines.add(Files.readString(process.resolve("cmdline")));
            environments.add(Files.readString(process.resolve("environ")));
            secrets.add(spec.options().secret().toEnvironment());
            return peer;
        }

        private void knock(PeerSpec spec) throws IOException {
            switch (spec.transport()) {
                case TCP -> {
                    InetSocketAddress address = HostAndPort.parse(spec.address());
                    Socket talker = new Socket(address.getAddress(), address.getPort());
                    strangers.add(talker);
                    OutputStream out = talker.getOutputStream();
                    out.write(WRONG_HELLO);
                    out.flush();
                    strangers.add(new Socket(address.getAddress(), address.getPort()));
                }
                case UDP -> {
                    DatagramSocket socket = new DatagramSocket();
                    strangers.add(socket);
                    socket.send(new DatagramPacket(WRONG_HELLO, WRONG_HELLO.length, HostAndPort.parse(spec.address())));
                }
                case UNIX_STREAM -> {
                    if (spec.engine() == Engine.RAW) {
                        strangers.add(Transports.of(TransportKind.UNIX_STREAM, Engine.RAW).connect(spec.address(),
                                spec.options()));
                    } else {
                        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                        strangers.add(channel);
                        channel.connect(UnixDomainSocketAddress.of(spec.address()));
                        channel.write(ByteBuffer.wrap(WRONG_HELLO));
                    }
                }
                default -> throw new IllegalArgumentException("no stranger for " + spec.transport());
            }
        }
    }

    @Test
    void strangersAreTurnedAwayAndTheCellMeasuresThePeer() throws IOException {
        RunConfig config = RunConfig.builder().engine(RunConfig.ENGINE_BOTH)
                .transports(List.of("tcp", "udp", "unix-stream")).sizes(List.of(64)).iterations(500)
                .warmupIterations(100).canary(false).outputDirectory(folder.toString()).build();
        StrangersFirst launcher = new StrangersFirst();
        RunResult run;
        try (Sweep sweep = new Sweep(config, Transports::of, launcher, NanoClock.SYSTEM, RunListener.SILENT,
                Sweep.Probes.NONE)) {
            run = sweep.run(folder, "stranger-test");
        }

        assertEquals(6, run.cells().size());
        for (CellResult cell : run.cells()) {
            String name = cell.transport() + " (" + cell.engine() + ")";
            assertTrue(cell.ok(), name + ": " + cell.error());
            assertEquals(500, cell.latencyNs().count(), name + " measured the peer");
            assertEquals("tcp".equals(cell.transport()) ? 2 : 1, cell.strangers(), name + ": strangers turned away");
        }
        assertEquals(6, launcher.secrets.size());
        for (int i = 0; i < launcher.secrets.size(); i++) {
            String secret = launcher.secrets.get(i);
            assertFalse(launcher.commandLines.get(i).contains(secret), "the secret is not on the command line");
            assertTrue(launcher.environments.get(i).contains(Secret.ENVIRONMENT_VARIABLE + "=" + secret),
                    "it is in the environment");
        }
    }
}
