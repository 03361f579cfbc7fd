package io.ipcbench.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.transport.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The probes report what the kernel did; these check that they report it faithfully. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClaimProbesTest {
    private final ClaimProbes probes = new ClaimProbes(new ProcessPeerLauncher(), new PrintWriter(new StringWriter()));

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void boundaryProbeAccountsForEveryByte(TransportKind kind) throws IOException {
        ProbeResults.BoundaryProbe probe = probes.boundaries(kind);

        int written = ClaimProbes.BOUNDARY_WRITES.stream().mapToInt(Integer::intValue).sum();
        assertEquals(written, probe.reads().stream().mapToInt(Integer::intValue).sum(), "every byte was read once");
        if (kind.preservesBoundaries()) {
            assertTrue(probe.boundariesKept(), kind + " must return one write per read: " + probe.reads());
            assertEquals(ClaimProbes.BOUNDARY_WRITES, probe.reads());
        }
        assertEquals(probe.reads().equals(probe.writes()), probe.boundariesKept());
    }

    @Test
    void theLargestUdpDatagramIsTheIpv4Limit() throws IOException {
        ProbeResults.DatagramLimit limit = probes.largestDatagram(TransportKind.UDP);
        assertEquals(TransportKind.UDP_MAX_PAYLOAD, limit.largestDelivered());
        assertEquals(TransportKind.UDP_MAX_PAYLOAD + 1, limit.smallestRefused());
        assertTrue(limit.refusal().contains("EMSGSIZE"), limit.refusal());
    }

    @Test
    void theLargestUnixDatagramIsBoundBySendBuffer() throws IOException {
        ProbeResults.DatagramLimit limit = probes.largestDatagram(TransportKind.UNIX_DGRAM);
        assertEquals(TransportKind.UNIX_DGRAM.maxMessageSize(), limit.largestDelivered());
    }

    @Test
    void naglesProbeRecordsEveryRoundTrip() throws IOException {
        ProbeResults.NagleProbe on = probes.nagle(true, 200);
        ProbeResults.NagleProbe off = probes.nagle(false, 5);
        assertEquals(200, on.latencyNs().count());
        assertEquals(5, off.latencyNs().count());
        assertTrue(on.tcpNoDelay());
        assertEquals(List.of(false), List.of(off.tcpNoDelay()));
    }

    @Test
    void bulkTransferAccountsForEveryBlock() {
        ProbeResults.BulkTransfer tcp = probes.bulk(TransportKind.TCP, "127.0.0.1", 300, 2_000);
        assertEquals("ok", tcp.status(), tcp.error());
        assertEquals(2_000, tcp.delivered(), "TCP delivers every block");
        assertEquals(0, tcp.lost());

        ProbeResults.BulkTransfer udp = probes.bulk(TransportKind.UDP, "127.0.0.1", 300, 2_000);
        assertEquals("ok", udp.status(), udp.error());
        assertEquals(2_000, udp.delivered() + udp.lost(), "every UDP block arrived or was counted lost");
    }
}
