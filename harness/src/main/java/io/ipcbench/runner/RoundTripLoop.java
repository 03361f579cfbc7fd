package io.ipcbench.runner;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.ipcbench.results.DatagramCounts;
import io.ipcbench.results.IntegrityErrors;
import io.ipcbench.transport.MessageBuffer;

/**
 * A measured ping-pong loop, over one connection ({@link OneConnectionLoop}) or many at once
 * ({@link ManyConnectionLoop}): what the runner needs to warm it up, measure it and read it out.
 */
public interface RoundTripLoop extends AutoCloseable {
    /** Where each measured round trip goes. */
    @FunctionalInterface
    interface LatencySink {
        void record(long nanos);
    }

    /**
     * Runs round trips until {@code maxRoundTrips} have been recorded, {@code deadlineNanos} (on
     * the loop's clock) has passed, or {@link #requestStop()} is called.
     *
     * @return round trips recorded into {@code sink}
     */
    long run(LatencySink sink, long maxRoundTrips, long deadlineNanos) throws IOException;

    /** Asks the loop to stop after the round trips under way; safe from any thread. */
    void requestStop();

    /** Whether {@link #requestStop()} was called: the loop then runs no more round trips. */
    boolean stopRequested();

    /** Replies received since the loop was made, readable from any thread: the watchdog's sign of life. */
    long replies();

    DatagramCounts datagramCounts();

    IntegrityErrors integrityErrors();

    /** Starts the next phase's counts from zero (the sequence numbers go on). */
    void resetCounts();

    @Override
    default void close() {
    }

    /**
     * Writes the byte pattern every measured message carries into its first {@code size} bytes: a
     * value that differs from position to position, so that a shifted or mixed-up message is caught.
     * The sequence number is stamped over the first and the last 8 bytes, message by message.
     */
    static void fillPayload(ByteBuffer buffer, int size) {
        for (int i = 0; i < size; i++) {
            buffer.put(i, (byte) (i * 31 + 7));
        }
    }

    /** A message's bytes between its two sequence numbers, the same in every message of the cell: what the reply check compares. */
    static ByteBuffer payload(MessageBuffer message, int size) {
        return message.buffer().slice(Long.BYTES, Math.max(0, size - 2 * Long.BYTES));
    }
}
