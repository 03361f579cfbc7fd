package io.ipcbench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What the client tells the peer is what the peer understands. */
class PeerSpecTest {
    private static PeerSpec roundTrip(PeerSpec spec) {
        PeerMain main = new PeerMain();
        new CommandLine(main).parseArgs(spec.toArguments().toArray(String[]::new));
        return main.spec();
    }

    @Test
    void everySettingSurvivesTheCommandLine() {
        TransportOptions options = new TransportOptions(Path.of("/tmp/x"), 1234, false, "127.0.0.3",
                Duration.ofMillis(4_321), TransportOptions.DEFAULT_RECEIVE_TIMEOUT, 65_536, 131_072);
        PeerSpec spec = new PeerSpec(TransportKind.UNIX_SEQPACKET, Engine.RAW, "/tmp/x/s.sock", options, 1, 250,
                PeerRole.SOURCE, 3, 5_000);
        assertEquals(spec, roundTrip(spec));
    }

    @Test
    void defaultsToo() {
        PeerSpec spec = new PeerSpec(TransportKind.TCP, Engine.JDK, "127.0.0.1:4000",
                TransportOptions.defaults(Path.of("/tmp/y"), 64), null, 0);
        assertEquals(spec, roundTrip(spec));
    }
}
