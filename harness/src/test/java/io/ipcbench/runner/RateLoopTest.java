package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import io.ipcbench.results.LatencySummary;
import io.ipcbench.results.OfferedLoad;
import io.ipcbench.results.RequestedRate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rate loop against a {@link SimulatedEcho} on a fake clock: what a stall of the sender and a
 * stall of the peer do to the histogram timed from the intended send (corrected) and to the one
 * timed from the actual send (raw), against what a closed loop records; and whether the schedule
 * is kept, or its miss flagged.
 */
@Timeout(30)
class RateLoopTest {
    private static final int SIZE = 64;
    private static final long MILLIS = 1_000_000;
    private static final long SERVICE_NANOS = 2_000;
    private static final long STALL_NANOS = 10 * MILLIS;
    /** A sample this slow or slower was delayed by the stall: the service alone takes 2 µs. */
    private static final long DELAYED_NANOS = 100_000;
    /** A sample this slow or slower holds a good part of the stall itself, not only the queue it left. */
    private static final long STALL_SIZED_NANOS = MILLIS;

    /** What one phase of the loop came to. */
    private record Phase(Histogram corrected, Histogram raw, OfferedLoad load) {
    }

    private static Phase run(SimulatedEcho peer, int connections, double rate, long spanNanos) throws IOException {
        int[] writeIndex = new int[connections];
        for (int c = 0; c < connections; c++) {
            writeIndex[c] = c;
        }
        Histogram corrected = new Histogram(3);
        Histogram raw = new Histogram(3);
        try (RateLoop loop = new RateLoop(peer.connections(), peer.readiness(), writeIndex, peer.clock, SIZE, false,
                0, rate)) {
            loop.startSchedule();
            long end = loop.scheduleStart() + spanNanos;
            long completed = loop.advance(corrected::recordValue, raw::recordValue, end);
            long behind = loop.behind(end);
            loop.drain(corrected::recordValue, raw::recordValue, peer.clock.nanoTime() + 1_000 * MILLIS);
            assertEquals(0, loop.inFlight(), "every reply taken in");
            assertEquals(0, loop.integrityErrors().total());
            return new Phase(corrected, raw, OfferedLoad.measured(RequestedRate.parse(Long.toString((long) rate)),
                    null, rate, completed, spanNanos / 1e9, behind, connections, LatencySummary.EMPTY));
        }
    }

    private static long atLeast(long nanos, Histogram histogram) {
        return histogram.getCountBetweenValues(nanos, Long.MAX_VALUE / 4);
    }

    @Test
    void aStalledSenderShowsInTheCorrectedHistogramAsEveryMessageItDelayedAndInTheRawOneAtMostOnce()
            throws IOException {
        SimulatedEcho peer = new SimulatedEcho(1, SIZE, SERVICE_NANOS);
        peer.stallSender(200 * MILLIS, STALL_NANOS);
        Phase phase = run(peer, 1, 10_000, 500 * MILLIS);

        // At 10,000/s, 100 messages fall due in 10 ms: each waits from its intended send to the stall's end.
        long delayed = atLeast(DELAYED_NANOS, phase.corrected());
        assertTrue(delayed >= 95 && delayed <= 105, delayed + " corrected samples delayed");
        assertEquals(STALL_NANOS, phase.corrected().getMaxValue(), STALL_NANOS / 50.0, "the first one waited it all");
        long overHalf = atLeast(STALL_NANOS / 2, phase.corrected());
        assertTrue(overHalf >= 45 && overHalf <= 55, "spread from 10 ms down: " + overHalf + " over 5 ms");
        // Sent late, all at once, their raw round trips hold only the queue the burst made at the peer.
        assertTrue(atLeast(STALL_SIZED_NANOS, phase.raw()) <= 1, atLeast(STALL_SIZED_NANOS, phase.raw())
                + " raw samples of 1 ms or more");
        assertTrue(phase.corrected().getValueAtPercentile(99) > phase.raw().getValueAtPercentile(99),
                "corrected p99 " + phase.corrected().getValueAtPercentile(99) + " over raw p99 "
                        + phase.raw().getValueAtPercentile(99));
        assertEquals(phase.corrected().getTotalCount(), phase.raw().getTotalCount(), "both time every reply");
    }

    @Test
    void aStalledPeerShowsInBothHistogramsOfARateLoopButInOneSampleOfAClosedLoop() throws IOException {
        SimulatedEcho peer = new SimulatedEcho(1, SIZE, SERVICE_NANOS);
        peer.stallPeer(200 * MILLIS, STALL_NANOS);
        Phase phase = run(peer, 1, 10_000, 500 * MILLIS);

        // The sender keeps its schedule: every message sent during the stall waits for its end.
        assertTrue(atLeast(DELAYED_NANOS, phase.corrected()) >= 95, atLeast(DELAYED_NANOS, phase.corrected())
                + " corrected");
        assertTrue(atLeast(DELAYED_NANOS, phase.raw()) >= 95, atLeast(DELAYED_NANOS, phase.raw()) + " raw");
        assertEquals(STALL_NANOS, phase.raw().getMaxValue(), STALL_NANOS / 50.0);

        SimulatedEcho closedPeer = new SimulatedEcho(1, SIZE, SERVICE_NANOS);
        closedPeer.stallPeer(200 * MILLIS, STALL_NANOS);
        Histogram closed = new Histogram(3);
        OneConnectionLoop loop = new OneConnectionLoop(closedPeer.connections().get(0), closedPeer.clock, SIZE, false);
        loop.run(closed::recordValue, Long.MAX_VALUE, 500 * MILLIS);
        assertEquals(1, atLeast(DELAYED_NANOS, closed), "a closed loop waits out the stall in one round trip");
        assertEquals(STALL_NANOS, closed.getMaxValue(), STALL_NANOS / 50.0);
    }

    @Test
    void aRateTheConnectionsSustainIsAchievedWithinOnePercentOnEachConnectionsSchedule() throws IOException {
        SimulatedEcho peer = new SimulatedEcho(4, SIZE, 20_000);
        Phase phase = run(peer, 4, 10_000, 500 * MILLIS);

        assertFalse(phase.load().rateMissed(), phase.load().describeMiss());
        assertEquals(10_000, phase.load().achievedPerSec(), 100);
        assertEquals(0, phase.load().behindAtEnd());
        for (int c = 0; c < 4; c++) {
            assertEquals(1_250, peer.messages(c), 1, "connection " + c + " carries a quarter");
        }
    }

    @Test
    void aRateBeyondWhatThePeerAnswersIsFlaggedMissed() throws IOException {
        // The peer answers one message per 20 µs, 50,000/s: at 100,000/s its queue grows until the windows are full.
        SimulatedEcho peer = new SimulatedEcho(4, SIZE, 20_000);
        Phase phase = run(peer, 4, 100_000, 200 * MILLIS);

        assertTrue(phase.load().rateMissed());
        assertEquals(50_000, phase.load().achievedPerSec(), 2_500, "what the peer answers");
        assertTrue(phase.load().behindAtEnd() > 4, phase.load().behindAtEnd() + " behind");
        assertTrue(phase.load().describeMiss().startsWith("rate missed: achieved "), phase.load().describeMiss());
    }
}
