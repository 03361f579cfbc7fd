package io.ipcbench.runner;

import java.io.IOException;
import java.util.function.LongSupplier;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.peer.PeerHandle;

/**
 * Watches a peer while round trips run: if no reply arrives for {@code timeoutMillis}, the peer is
 * taken to have hung; it is killed (which ends any blocking read in the client, which nothing else
 * can interrupt) and the loop told to stop. Between {@link #suspend()} and {@link #resume()} it
 * expects no replies (JMH between iterations) and waits.
 */
public final class PeerWatchdog implements AutoCloseable {
    private static final long CHECK_EVERY_MILLIS = 50;

    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean watching = true;
    private volatile String verdict;

    /**
     * @param replies  a count that grows with every reply, readable from any thread
     * @param stopLoop what tells the measuring loop to stop once the peer is killed
     */
    public PeerWatchdog(PeerHandle peer, LongSupplier replies, long timeoutMillis, Runnable stopLoop) {
        this.thread = new Thread(() -> {
            CpuAffinity.allowAllCpus();
            long lastReplies = replies.getAsLong();
            long lastChange = System.nanoTime();
            while (!closed) {
                try {
                    Thread.sleep(CHECK_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                long seen = replies.getAsLong();
                if (seen != lastReplies || !watching) {
                    lastReplies = seen;
                    lastChange = now;
                } else if (!closed && now - lastChange > timeoutMillis * 1_000_000L) {
                    verdict = peer.isAlive()
                            ? "the peer did not answer for " + timeoutMillis + " ms (hung?); it was killed"
                            : null;
                    stopLoop.run();
                    peer.kill();
                    return;
                }
            }
        }, "ipcbench-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops watching until {@link #resume()}: no replies are expected meanwhile. */
    public void suspend() {
        watching = false;
    }

    /** Watches again, the silence counted from now. */
    public void resume() {
        watching = true;
    }

    /** Why the watchdog stepped in, or null if it did not (or the peer had already died). */
    public String verdict() {
        return verdict;
    }

    /** Throws the watchdog's verdict, if it stepped in. */
    public void checkAlive() throws IOException {
        if (verdict != null) {
            throw new IOException(verdict);
        }
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
