package io.ipcbench.runner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.os.Readiness;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * An echoing peer simulated on a fake clock, for the measured loops: connections whose messages
 * the peer answers one at a time, in the order they arrive, each {@code serviceNanos} after it
 * could start on it; the readiness that waits on them by moving the clock on to the next reply or
 * the end of the wait; and the clock itself, which moves only when something here says so. The
 * peer can stall (it answers nothing for a while, as in a GC pause of the peer), and so can the
 * sender: the clock jumps the first time the loop reads it after a given time, as when the loop's
 * thread was paused and could not run.
 */
final class SimulatedEcho {
    /** What a wait with timeout 0 costs on the fake clock: a poll is never free, so spinning moves time on. */
    static final long POLL_NANOS = 100;

    final Clock clock = new Clock();
    private final int size;
    private final long serviceNanos;
    private final List<Echoing> connections = new ArrayList<>();
    private long peerFreeAt;
    private long peerStallAt = Long.MAX_VALUE;
    private long peerStallNanos;

    SimulatedEcho(int connections, int size, long serviceNanos) {
        this.size = size;
        this.serviceNanos = serviceNanos;
        for (int i = 0; i < connections; i++) {
            this.connections.add(new Echoing());
        }
    }

    /** The peer answers nothing from {@code atNanos} for {@code nanos}; what arrives meanwhile waits. */
    void stallPeer(long atNanos, long nanos) {
        peerStallAt = atNanos;
        peerStallNanos = nanos;
    }

    /** The sender cannot run from the first clock reading at or after {@code atNanos}, for {@code nanos}. */
    void stallSender(long atNanos, long nanos) {
        clock.jumpAt = atNanos;
        clock.jump = nanos;
    }

    List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Messages connection {@code i} has carried to the peer. */
    long messages(int i) {
        return connections.get(i).messages;
    }

    /** The loop's readiness: a connection is ready once its next reply is due. */
    Readiness readiness() {
        return new Readiness() {
            private final int[] ready = new int[connections.size()];
            private int count;

            @Override
            public int await(int timeoutMillis) {
                return awaitNanos(timeoutMillis < 0 ? Long.MAX_VALUE / 2 : timeoutMillis * 1_000_000L);
            }

            @Override
            public int awaitNanos(long timeoutNanos) {
                if (collect() == 0) {
                    long next = connections.stream().mapToLong(Echoing::nextReplyAt).min().orElse(Long.MAX_VALUE);
                    long end = clock.now + Math.max(POLL_NANOS, timeoutNanos);
                    clock.now = Math.max(clock.now, Math.min(end, next));
                    collect();
                }
                return count;
            }

            private int collect() {
                count = 0;
                for (int i = 0; i < connections.size(); i++) {
                    if (connections.get(i).nextReplyAt() <= clock.now) {
                        ready[count++] = i;
                    }
                }
                return count;
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
        };
    }

    /** The fake clock; it jumps once, the first time it is read at or after {@code jumpAt}. */
    static final class Clock implements NanoClock {
        long now;
        long jumpAt = Long.MAX_VALUE;
        long jump;

        @Override
        public long nanoTime() {
            if (now >= jumpAt) {
                now += jump;
                jumpAt = Long.MAX_VALUE;
            }
            return now;
        }
    }

    private record Reply(long at, byte[] bytes) {
    }

    /** One connection: a message goes whole at once; its reply comes whole when the peer has answered it. */
    private final class Echoing implements Connection {
        private final byte[] message = new byte[size];
        private final ArrayDeque<Reply> replies = new ArrayDeque<>();
        private int replyRead;
        long messages;

        long nextReplyAt() {
            return replies.isEmpty() ? Long.MAX_VALUE : replies.peek().at();
        }

        @Override
        public int sendSome(MessageBuffer buffer, int offset, int length) {
            buffer.buffer().get(offset, message, offset, length);
            if (offset + length == size) {
                long start = Math.max(clock.now, peerFreeAt);
                if (start >= peerStallAt) {
                    start = Math.max(start, peerStallAt + peerStallNanos);
                    peerStallAt = Long.MAX_VALUE;
                }
                peerFreeAt = start + serviceNanos;
                replies.add(new Reply(peerFreeAt, message.clone()));
                messages++;
            }
            return length;
        }

        @Override
        public int receiveSome(MessageBuffer buffer, int offset, int length) {
            Reply next = replies.peek();
            if (next == null || next.at() > clock.now) {
                return 0;
            }
            int n = Math.min(length, size - replyRead);
            buffer.buffer().put(offset, next.bytes(), replyRead, n);
            replyRead += n;
            if (replyRead == size) {
                replies.remove();
                replyRead = 0;
            }
            return n;
        }

        @Override
        public void send(MessageBuffer buffer, int length) {
            sendSome(buffer, 0, length);
        }

        /** Blocks, as a closed loop's receive does: the clock moves on to the reply. */
        @Override
        public int receive(MessageBuffer buffer, int length) {
            clock.now = Math.max(clock.now, nextReplyAt());
            return receiveSome(buffer, 0, length);
        }

        @Override
        public int receiveOnce(MessageBuffer buffer, int maxLength) {
            return receive(buffer, maxLength);
        }

        @Override
        public void close() {
        }
    }
}
