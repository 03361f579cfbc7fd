package io.ipcbench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Secret;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What the client tells the peer is what the peer understands. */
class PeerSpecTest {
    private static PeerSpec roundTrip(PeerSpec spec) {
        PeerMain main = new PeerMain();
        new CommandLine(main).parseArgs(spec.toArguments().toArray(String[]::new));
        return main.spec(Map.of(Secret.ENVIRONMENT_VARIABLE, spec.options().secret().toEnvironment()));
    }

    @Test
    void everySettingSurvivesTheCommandLine() {
        TransportOptions options = new TransportOptions(Path.of("/tmp/x"), 1234, false, "127.0.0.3",
                Duration.ofMillis(4_321), TransportOptions.DEFAULT_RECEIVE_TIMEOUT, 65_536, 131_072, Secret.random());
        PeerSpec spec = new PeerSpec(TransportKind.UNIX_SEQPACKET, Engine.RAW, "/tmp/x/s.sock", options, 1, 250,
                PeerRole.SOURCE, 3, 5_000);
        assertEquals(spec, roundTrip(spec));
    }

    @Test
    void thePeerJvmMayHoldABufferPerConnection() {
        TransportOptions options = TransportOptions.defaults(Path.of("/tmp/z"), 1 << 20);
        PeerSpec spec = new PeerSpec(TransportKind.TCP, Engine.RAW, "127.0.0.1:4000", options, null, 0, PeerRole.ECHO,
                1_024);

        long buffers = 1_024L * ((1 << 20) + 64);
        assertTrue(new ProcessPeerLauncher().command(spec)
                .contains("-XX:MaxDirectMemorySize=" + (buffers + ProcessPeerLauncher.OWN_DIRECT_BYTES)));
    }

    @Test
    void theSecretIsNeverOnTheCommandLine() {
        PeerSpec spec = new PeerSpec(TransportKind.TCP, Engine.RAW, "127.0.0.1:4000",
                TransportOptions.defaults(Path.of("/tmp/y"), 64), null, 0);
        String secret = spec.options().secret().toEnvironment();

        assertFalse(String.join(" ", new ProcessPeerLauncher().command(spec)).contains(secret));
        assertFalse(spec.options().toString().contains(secret), "nor in what a log would print");
    }

    @Test
    void defaultsToo() {
        PeerSpec spec = new PeerSpec(TransportKind.TCP, Engine.JDK, "127.0.0.1:4000",
                TransportOptions.defaults(Path.of("/tmp/y"), 64), null, 0);
        assertEquals(spec, roundTrip(spec));
    }
}
