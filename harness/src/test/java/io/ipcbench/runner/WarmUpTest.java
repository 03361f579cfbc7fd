package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.IntegrityErrors;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How warm-up drives a loop: in short calls, through the measured kind of sink, each round trip kept once. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WarmUpTest {
    /** A loop that records round trips of 1 µs, one per tick of its clock, and notes every call it gets. */
    private static final class CountingLoop implements RoundTripLoop {
        final List<Long> asked = new ArrayList<>();
        final List<Class<?>> sinks = new ArrayList<>();
        final long[] clock = {0};
        /** Round trips after which the loop is told to stop, as a watchdog would. */
        volatile long stopAt = Long.MAX_VALUE;
        private long done;

        @Override
        public long run(LatencySink sink, long maxRoundTrips, long deadlineNanos) {
            asked.add(maxRoundTrips);
            sinks.add(sink.getClass());
            long recorded = 0;
            while (recorded < maxRoundTrips && done < stopAt) {
                sink.record(1_000);
                recorded++;
                done++;
                if (++clock[0] - deadlineNanos >= 0) {
                    break;
                }
            }
            return recorded;
        }

        @Override
        public void requestStop() {
            stopAt = done;
        }

        @Override
        public boolean stopRequested() {
            return done >= stopAt;
        }

        @Override
        public long replies() {
            return done;
        }

        @Override
        public DatagramCounts datagramCounts() {
            return new DatagramCounts(0, 0, 0, 0, 0, 0);
        }

        @Override
        public IntegrityErrors integrityErrors() {
            return IntegrityErrors.NONE;
        }

        @Override
        public void resetCounts() {
        }
    }

    private static Histogram histogram() {
        return new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS, IntervalLogger.SIGNIFICANT_DIGITS);
    }

    @Test
    void callsTheLoopInShortCallsThroughTheMeasuredSinkAndKeepsEveryRoundTrip() throws Exception {
        CountingLoop loop = new CountingLoop();
        Histogram into = histogram();

        long recorded = WarmUp.run(loop, 1_001, Long.MAX_VALUE, () -> loop.clock[0], into);

        assertEquals(1_001, recorded);
        assertEquals(1_001, into.getTotalCount(), "every round trip once, over all the intervals taken");
        assertTrue(loop.asked.stream().allMatch(n -> n <= WarmUp.ROUND_TRIPS_PER_CALL), "short calls: " + loop.asked);
        assertEquals(List.of(RecorderSink.class), loop.sinks.stream().distinct().toList(),
                "the sink class the measured part records through");
    }

    @Test
    void endsAtItsDeadlineOrWhenTheLoopIsToldToStop() throws Exception {
        CountingLoop timed = new CountingLoop();
        assertEquals(300, WarmUp.run(timed, Long.MAX_VALUE, 300, () -> timed.clock[0], histogram()),
                "one round trip per tick of the fake clock until the deadline");

        CountingLoop stopped = new CountingLoop();
        stopped.stopAt = 77;
        assertEquals(77, WarmUp.run(stopped, Long.MAX_VALUE, Long.MAX_VALUE, () -> stopped.clock[0], histogram()));
    }
}
