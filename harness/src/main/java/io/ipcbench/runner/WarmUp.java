package io.ipcbench.runner;

import java.io.IOException;

import org.HdrHistogram.Histogram;

/**
 * Warms a round-trip loop up so that its measured part runs the code the warm-up made. Each of
 * three things a plain "run the loop N times first" misses showed, with -XX:+PrintCompilation, as
 * a compilation or a deoptimisation ("made not entrant") of the loop inside the measured part:
 * <ul>
 *   <li>The JIT compiles a method after enough calls; a loop that turns within one call is compiled
 *       only "on stack", after some 60,000 turns, more than the default warm-up has, and measurement,
 *       a fresh call, would start in the interpreter. So the loop is called again and again,
 *       {@link #ROUND_TRIPS_PER_CALL} round trips a call: two, so that its branch back is seen taken.</li>
 *   <li>The loop records through its sink. A sink of another class in warm-up than in measurement
 *       makes the loop's call to it meet a new receiver type once measurement starts. Warm-up
 *       records through a {@link RecorderSink}, as measurement does, into a recorder of its own.</li>
 *   <li>The interval log takes the recorder's histogram once an interval, which flips the
 *       recorder's phase: a writer compiled without having seen the other phase is deoptimised at
 *       the first interval. Warm-up takes an interval every {@link #CALLS_PER_INTERVAL} calls, and
 *       that call ends on its deadline, the way a measured part bounded by time ends.</li>
 * </ul>
 */
final class WarmUp {
    static final long ROUND_TRIPS_PER_CALL = 2;
    static final int CALLS_PER_INTERVAL = 1_000;

    private WarmUp() {
    }

    /**
     * Warms {@code loop} up on this thread, the measuring thread, until {@code maxRoundTrips} are
     * recorded, {@code deadlineNanos} (on {@code clock}) has passed, or the loop is told to stop.
     *
     * @param into receives every warm-up round trip
     * @return the round trips recorded
     */
    static long run(RoundTripLoop loop, long maxRoundTrips, long deadlineNanos, NanoClock clock, Histogram into)
            throws IOException {
        RecorderSink sink = new RecorderSink(IntervalLogger.newRecorder());
        Histogram interval = null;
        long recorded = 0;
        for (long call = 1; recorded < maxRoundTrips && !loop.stopRequested()
                && clock.nanoTime() - deadlineNanos < 0; call++) {
            boolean endOfInterval = call % CALLS_PER_INTERVAL == 0;
            long callDeadline = endOfInterval ? clock.nanoTime() : deadlineNanos;
            recorded += loop.run(sink, Math.min(ROUND_TRIPS_PER_CALL, maxRoundTrips - recorded), callDeadline);
            if (endOfInterval) {
                interval = sink.recorder().getIntervalHistogram(interval);
                into.add(interval);
            }
        }
        into.add(sink.recorder().getIntervalHistogram(interval));
        return recorded;
    }
}
