package io.ipcbench.benchmarks;

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
class HangWatchdogTest {
    @Test
    void killsAPeerThatStopsAnsweringInsideAnIteration() throws InterruptedException {
        FakePeer peer = new FakePeer();
        try (HangWatchdog watchdog = new HangWatchdog(peer, () -> 7, 200)) {
            watchdog.iterationStarted();
            assertTrue(peer.killed.await(10, TimeUnit.SECONDS), "the silent peer was not killed");
            assertNotNull(watchdog.verdict());
            assertTrue(watchdog.verdict().contains("did not answer for 200 ms"), watchdog.verdict());
        }
    }

    @Test
    void leavesAnAnsweringPeerAlone() throws InterruptedException {
        FakePeer peer = new FakePeer();
        AtomicLong replies = new AtomicLong();
        try (HangWatchdog watchdog = new HangWatchdog(peer, replies::get, 200)) {
            watchdog.iterationStarted();
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
    void ignoresSilenceBetweenIterations() throws InterruptedException {
        FakePeer peer = new FakePeer();
        try (HangWatchdog watchdog = new HangWatchdog(peer, () -> 7, 200)) {
            watchdog.iterationStarted();
            watchdog.iterationEnded();
            assertFalse(peer.killed.await(800, TimeUnit.MILLISECONDS), "killed between iterations");
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
