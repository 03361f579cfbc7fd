package io.ipcbench.runner;

import java.util.concurrent.atomic.AtomicLong;

import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.IntegrityErrors;

/**
 * What every measured loop keeps the same way: the request to stop (made from any thread), the
 * count of replies the watchdog reads as the loop's sign of life (written by the loop's thread
 * only, with lazySet), and the counts of what was sent and what came back.
 */
abstract class MeasuredLoop {
    final AtomicLong replies = new AtomicLong();
    final ReplyCounts counts = new ReplyCounts();
    volatile boolean stopRequested;

    /** Asks the loop to stop after the round trips under way; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether {@link #requestStop()} was called: the loop then starts no more round trips. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Replies (operations, for a connect loop) since the loop was made, readable from any thread. */
    public long replies() {
        return replies.get();
    }

    public DatagramCounts datagramCounts() {
        return counts.datagramCounts();
    }

    public IntegrityErrors integrityErrors() {
        return counts.integrityErrors();
    }

    /** Starts the next phase's counts from zero (the sequence numbers go on). */
    public void resetCounts() {
        counts.reset();
    }
}
