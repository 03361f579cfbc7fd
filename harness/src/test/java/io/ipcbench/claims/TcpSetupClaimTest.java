package io.ipcbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import io.ipcbench.results.ClaimVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcp-setup sets the connect alone beside 1.5 ping-pong round trips of the same size in the same run:
 * about that holds, half a round trip or four do not, and a connect cell with no round trip beside
 * it measures nothing.
 */
@Timeout(60)
class TcpSetupClaimTest {
    private static final double ROUND_TRIP_NS = 20_000;

    @TempDir
    Path dir;

    private ClaimVerdict judge(String name, double connectNs, int latencySize) throws IOException {
        SyntheticRun run = new SyntheticRun(dir.resolve(name), 7)
                .latency("tcp", latencySize, ROUND_TRIP_NS)
                .connect("tcp", 64, connectNs);
        return ClaimsJudgeTest.judge(run, Claim.TCP_SETUP);
    }

    @Test
    void aConnectOfAboutOneAndAHalfRoundTripsHolds() throws IOException {
        ClaimVerdict v = judge("about", 1.5 * ROUND_TRIP_NS, 64);

        assertEquals(ClaimVerdict.HOLDS, v.verdict(), v.summary() + " " + v.figures());
        assertEquals(1, v.comparisons().size());
        assertEquals(1.0, v.comparisons().get(0).ratio(), 0.1, "connect / (1.5 round trips)");
        assertTrue(v.figures().get(0).contains("round trips"), v.figures().get(0));
    }

    @Test
    void aConnectOfHalfARoundTripOrOfFourDoesNotHold() throws IOException {
        ClaimVerdict quick = judge("quick", 0.5 * ROUND_TRIP_NS, 64);
        ClaimVerdict slow = judge("slow", 4 * ROUND_TRIP_NS, 64);

        assertEquals(ClaimVerdict.DOES_NOT_HOLD, quick.verdict(), quick.summary() + " " + quick.figures());
        assertEquals(1 / 3.0, quick.comparisons().get(0).ratio(), 0.05);
        assertEquals(ClaimVerdict.DOES_NOT_HOLD, slow.verdict(), slow.summary() + " " + slow.figures());
    }

    @Test
    void aConnectCellWithNoRoundTripOfItsSizeMeasuresNothing() throws IOException {
        ClaimVerdict v = judge("apart", 1.5 * ROUND_TRIP_NS, 1024);

        assertEquals(ClaimVerdict.NOT_MEASURED, v.verdict());
        assertTrue(v.figures().stream().anyMatch(f -> f.contains("no tcp latency cell at the same size")),
                v.figures().toString());
    }
}
