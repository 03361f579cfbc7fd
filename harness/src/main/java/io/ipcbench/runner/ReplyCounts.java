package io.ipcbench.runner;

import java.nio.ByteBuffer;

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

    /**
     * Checks a reply against the message it answers and counts what is wrong, the first fault only:
     * its length, then the sequence number at both ends, then the bytes between them. Allocates
     * nothing.
     *
     * @param reply        the reply, from its first byte
     * @param replyPayload the reply's bytes between the two sequence numbers
     * @param sentPayload  the same bytes of the message sent
     */
    void check(int length, int size, ByteBuffer reply, long sequence, ByteBuffer replyPayload,
               ByteBuffer sentPayload) {
        if (length != size) {
            wrongSize++;
        } else if (reply.getLong(0) != sequence || reply.getLong(size - Long.BYTES) != sequence) {
            wrongSequence++;
        } else if (replyPayload.mismatch(sentPayload) >= 0) {
            wrongContent++;
        }
    }

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
