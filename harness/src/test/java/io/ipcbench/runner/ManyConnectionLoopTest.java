package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.ipcbench.os.Readiness;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.junit.jupiter.api.Test;

/**
 * What a round trip's timed window holds when one thread serves several connections, on a fake
 * clock that only moves when the fake connections and the recording say so. A window runs from
 * just before its message's first send call to the moment its reply's last byte is in. Recording,
 * checking and the next send come after every reply of the wait has been stamped, so they lie in
 * no window of those replies; the only other work a window can hold is the receiving of the other
 * replies that were ready at the same time.
 */
class ManyConnectionLoopTest {
    private static final int CONNECTIONS = 4;
    private static final int SIZE = 64;
    /** What a receive call costs on the fake clock. */
    private static final long RECEIVE_NANOS = 1_000;
    /** What recording one round trip costs on the fake clock: far more than anything a window should hold. */
    private static final long RECORD_NANOS = 1_000_000;

    /** A clock that moves only when told. */
    private static final class FakeClock implements NanoClock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }
    }

    /** A connection whose echo is there, whole, as soon as the message has gone; each receive call costs {@link #RECEIVE_NANOS}. */
    private static final class InstantEcho implements Connection {
        private final FakeClock clock;
        private final byte[] message = new byte[SIZE];
        private int replyLeft;

        InstantEcho(FakeClock clock) {
            this.clock = clock;
        }

        boolean readable() {
            return replyLeft > 0;
        }

        @Override
        public int sendSome(MessageBuffer buffer, int offset, int length) {
            buffer.buffer().get(offset, message, offset, length);
            if (offset + length == SIZE) {
                replyLeft = SIZE;
            }
            return length;
        }

        @Override
        public int receiveSome(MessageBuffer buffer, int offset, int length) {
            if (replyLeft == 0) {
                return 0;
            }
            clock.now += RECEIVE_NANOS;
            int n = Math.min(length, replyLeft);
            buffer.buffer().put(offset, message, SIZE - replyLeft, n);
            replyLeft -= n;
            return n;
        }

        @Override
        public void send(MessageBuffer buffer, int length) {
            sendSome(buffer, 0, length);
        }

        @Override
        public int receive(MessageBuffer buffer, int length) {
            return receiveSome(buffer, 0, length);
        }

        @Override
        public int receiveOnce(MessageBuffer buffer, int maxLength) {
            return receiveSome(buffer, 0, maxLength);
        }

        @Override
        public void close() {
        }
    }

    /** Reports ready every connection with a reply waiting, as epoll would. */
    private record Replies(List<InstantEcho> connections, int[] ready) implements Readiness {
        @Override
        public int await(int timeoutMillis) {
            int count = 0;
            for (int i = 0; i < connections.size(); i++) {
                if (connections.get(i).readable()) {
                    ready[count++] = i;
                }
            }
            return count;
        }

        @Override
        public int awaitNanos(long timeoutNanos) {
            return await(0);
        }

        @Override
        public int readyIndex(int k) {
            return ready[k];
        }

        @Override
        public void watchReadable(int index) {
        }

        @Override
        public void watchWritable(int index) {
        }

        @Override
        public void watchReadableAndWritable(int index) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aWindowHoldsNoRecordingCheckOrSendOnlyTheReceivingOfRepliesReadyWithIt() throws IOException {
        FakeClock clock = new FakeClock();
        List<InstantEcho> connections = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            connections.add(new InstantEcho(clock));
        }
        List<Long> windows = new ArrayList<>();
        try (ManyConnectionLoop loop = new ManyConnectionLoop(List.copyOf(connections),
                new Replies(connections, new int[CONNECTIONS]), clock, SIZE, false, 0)) {
            loop.run(nanos -> {
                windows.add(nanos);
                clock.now += RECORD_NANOS;
            }, 40, Long.MAX_VALUE);

            assertEquals(0, loop.integrityErrors().total());
        }

        assertTrue(windows.size() >= 40, windows.size() + " round trips");
        // Every wait finds all four replies in; the k-th read of a wait holds k receive calls.
        assertEquals(new TreeSet<>(List.of(RECEIVE_NANOS, 2 * RECEIVE_NANOS, 3 * RECEIVE_NANOS, 4 * RECEIVE_NANOS)),
                new TreeSet<>(windows), "windows on the fake clock");
    }
}
