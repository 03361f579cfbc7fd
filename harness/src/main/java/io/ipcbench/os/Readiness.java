package io.ipcbench.os;

import java.io.IOException;

/**
 * Which of a fixed set of connections, known by their index, can move data now: what a loop that
 * serves several from one thread waits on. Each is watched one way at a time, for reading at
 * first; a hang-up or an error wakes it whichever way it is watched. {@link Poller} is the real
 * one; a test may script its own.
 */
public interface Readiness extends AutoCloseable {
    /**
     * Waits up to {@code timeoutMillis} (-1: for ever) for any to become ready.
     *
     * @return how many are ready; 0 on timeout or when interrupted by a signal
     */
    int await(int timeoutMillis) throws IOException;

    /**
     * Waits up to {@code timeoutNanos} for any to become ready; 0 looks at what is ready now and
     * returns at once. A real wait may end late by the kernel's timer slack and the wake-up.
     *
     * @return how many are ready; 0 on timeout or when interrupted by a signal
     */
    int awaitNanos(long timeoutNanos) throws IOException;

    /** The index of the k-th connection ready at the last {@link #await} or {@link #awaitNanos}. */
    int readyIndex(int k);

    /** From now on, wakes for connection {@code index} when it can be read. */
    void watchReadable(int index) throws IOException;

    /** From now on, wakes for connection {@code index} when it can be written, and not for reading. */
    void watchWritable(int index) throws IOException;

    /** From now on, wakes for connection {@code index} when it can be read or written. */
    void watchReadableAndWritable(int index) throws IOException;

    @Override
    void close();
}
