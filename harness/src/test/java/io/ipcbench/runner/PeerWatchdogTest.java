package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.ipcbench.peer.PeerHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PeerWatchdogTest {
    @Test
    void killsAPeerThatStopsAnsweringInsideAnIteration() throws InterruptedException {
        FakePeer peer = new FakePeer();
        try (PeerWatchdog watchdog = new PeerWatchdog(peer, () -> 7, 200, () -> { })) {
            assertTrue(peer.killed.await(10, TimeUnit.SECONDS), "the silent peer was not killed");
            assertNotNull(watchdog.verdict());
            assertTrue(watchdog.verdict().contains("did not answer for 200 ms"), watchdog.verdict());
        }
    }

    @Test
    void leavesAnAnsweringPeerAlone() throws InterruptedException {
        FakePeer peer = new FakePeer();
        AtomicLong replies = new AtomicLong();
        try (PeerWatchdog watchdog = new PeerWatchdog(peer, replies::get, 200, () -> { })) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800);
            while (System.nanoTime() < until) {
                replies.incrementAndGet();
                Thread.sleep(20);
            }
            assertFalse(peer.killed.await(0, TimeUnit.SECONDS));
            assertNull(watchdog.verdict());
        }
    }

    @Test
    void ignoresSilenceWhileSuspended() throws InterruptedException {
        FakePeer peer = new FakePeer();
        try (PeerWatchdog watchdog = new PeerWatchdog(peer, () -> 7, 200, () -> { })) {
            watchdog.suspend();
            assertFalse(peer.killed.await(800, TimeUnit.MILLISECONDS), "killed while suspended");
            assertNull(watchdog.verdict());
        }
    }

    private static final class FakePeer implements PeerHandle {
        final CountDownLatch killed = new CountDownLatch(1);

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public boolean isAlive() {
            return killed.getCount() > 0;
        }

        @Override
        public OptionalInt exitCode() {
            return isAlive() ? OptionalInt.empty() : OptionalInt.of(137);
        }

        @Override
        public void requestStop() {
            kill();
        }

        @Override
        public String lastWords() {
            return "";
        }

        @Override
        public void kill() {
            killed.countDown();
        }

        @Override
        public void close() {
            kill();
        }
    }
}
