package io.ipcbench.benchmarks;

import java.util.function.LongSupplier;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.peer.PeerHandle;

/**
 * Kills a peer that stops answering while an iteration runs. A blocking read on a pipe, FIFO or
 * stream socket waits for ever, and JMH cannot interrupt a thread inside a system call; killing
 * the peer ends the read with end-of-file, so the benchmark fails with a reason instead of hanging.
 *
 * <p>It only watches between {@link #iterationStarted()} and {@link #iterationEnded()}: between
 * iterations JMH does its own work and no round trips are expected.
 */
final class HangWatchdog implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 100;

    private final Thread thread;
    private volatile boolean watching;
    private volatile boolean closed;
    private volatile String verdict;

    /**
     * @param progress      a count that grows with every reply, readable from any thread
     * @param timeoutMillis how long without a reply, inside an iteration, means the peer hung
     */
    HangWatchdog(PeerHandle peer, LongSupplier progress, long timeoutMillis) {
        this.thread = new Thread(() -> watch(peer, progress, timeoutMillis), "ipcbench-jmh-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(PeerHandle peer, LongSupplier progress, long timeoutMillis) {
        // It inherits its creator's CPU mask; keep it off the measured CPU.
        CpuAffinity.allowAllCpus();
        long lastSeen = progress.getAsLong();
        long lastChange = System.nanoTime();
        while (!closed) {
            try {
                Thread.sleep(CHECK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long seen = progress.getAsLong();
            if (seen != lastSeen || !watching) {
                lastSeen = seen;
                lastChange = now;
            } else if (now - lastChange > timeoutMillis * 1_000_000L) {
                if (peer.isAlive()) {
                    verdict = "the peer did not answer for " + timeoutMillis + " ms (hung?); it was killed";
                    peer.kill();
                }
                return;
            }
        }
    }

    void iterationStarted() {
        watching = true;
    }

    void iterationEnded() {
        watching = false;
    }

    /** Why the watchdog stepped in, or null if it did not. */
    String verdict() {
        return verdict;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
