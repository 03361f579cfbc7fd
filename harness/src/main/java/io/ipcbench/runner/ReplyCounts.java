package io.ipcbench.runner;

import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.IntegrityErrors;

/**
 * What a ping-pong loop counts about its messages and replies: plain fields, written by the
 * measuring thread only and read after the phase, so that counting costs an increment.
 */
final class ReplyCounts {
    long sent;
    long received;
    /** Round trips the receive timeout cut off; those whose reply came later are also in {@link #late}. */
    long timedOut;
    long late;
    long duplicated;
    long wrongSize;
    long wrongSequence;
    long wrongContent;

    DatagramCounts datagramCounts() {
        return new DatagramCounts(sent, received, timedOut - late, duplicated, 0, late);
    }

    IntegrityErrors integrityErrors() {
        return new IntegrityErrors(wrongSize, wrongSequence, wrongContent);
    }

    /** Starts the next phase's counts from zero. */
    void reset() {
        sent = received = timedOut = late = duplicated = 0;
        wrongSize = wrongSequence = wrongContent = 0;
    }
}
