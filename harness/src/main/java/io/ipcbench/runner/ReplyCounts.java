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
    long lost;
    long duplicated;
    long reordered;
    long wrongSize;
    long wrongSequence;
    long wrongContent;

    DatagramCounts datagramCounts() {
        return new DatagramCounts(sent, received, lost, duplicated, reordered);
    }

    IntegrityErrors integrityErrors() {
        return new IntegrityErrors(wrongSize, wrongSequence, wrongContent);
    }

    /** Starts the next phase's counts from zero. */
    void reset() {
        sent = received = lost = duplicated = reordered = 0;
        wrongSize = wrongSequence = wrongContent = 0;
    }
}
