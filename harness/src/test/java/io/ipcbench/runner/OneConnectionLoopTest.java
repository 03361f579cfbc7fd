package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import io.ipcbench.results.DatagramCounts;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop's datagram accounting, with a scripted connection that replies late, twice, or never. */
@Timeout(10)
class OneConnectionLoopTest {
    /** Echoes like a datagram socket, but following a script: per message, how the replies go. */
    private static class ScriptedConnection implements Connection {
        private final String script;
        private final java.util.ArrayDeque<byte[]> pending = new java.util.ArrayDeque<>();
        private int message;
        private boolean timeOutNextReceive;

        ScriptedConnection(String script) {
            this.script = script;
        }

        @Override
        public void send(MessageBuffer buffer, int length) {
            byte[] copy = new byte[length];
            buffer.buffer().get(0, copy);
            char what = script.charAt(message++ % script.length());
            switch (what) {
                case 'k' -> pending.add(copy);                         // answered
                case 'd' -> { pending.add(copy); pending.add(copy); } // answered twice
                case 'l' -> { }                                        // never answered
                case 'L' -> {                                          // answered after the receive timeout
                    pending.add(copy);
                    timeOutNextReceive = true;
                }
                default -> throw new IllegalStateException();
            }
        }

        @Override
        public int receive(MessageBuffer buffer, int length) {
            return receiveOnce(buffer, buffer.capacity());
        }

        @Override
        public int receiveOnce(MessageBuffer buffer, int maxLength) {
            byte[] next = timeOutNextReceive ? null : pending.poll();
            timeOutNextReceive = false;
            if (next == null) {
                return TIMED_OUT;
            }
            buffer.buffer().put(0, next);
            return next.length;
        }

        @Override
        public void close() {
        }
    }

    private static OneConnectionLoop run(String script, int messages, long[] recorded) throws IOException {
        OneConnectionLoop loop = new OneConnectionLoop(new ScriptedConnection(script), () -> 0, 64, true);
        recorded[0] = loop.run(nanos -> { }, messages, Long.MAX_VALUE);
        return loop;
    }

    @Test
    void countsEveryMessageOnceBySequenceNumber() throws IOException {
        // Message 1 answered, 2 answered twice, 3 never answered, 4 answered.
        long[] recorded = new long[1];
        DatagramCounts counts = run("kdlk", 4, recorded).datagramCounts();

        assertEquals(3, recorded[0]);
        assertEquals(new DatagramCounts(4, 3, 1, 1, 0, 0), counts);
        assertEquals(1, counts.timedOut());
    }

    @Test
    void aReplyAfterTheReceiveTimeoutIsLateAndNeitherLostNorReordered() throws IOException {
        // Message 1's reply comes after its round trip was cut off, while message 2's is awaited.
        long[] recorded = new long[1];
        OneConnectionLoop loop = run("Lk", 2, recorded);
        DatagramCounts counts = loop.datagramCounts();

        assertEquals(1, recorded[0], "the cut-off round trip is not in the histogram");
        assertEquals(new DatagramCounts(2, 1, 0, 0, 0, 1), counts);
        assertEquals(1, counts.timedOut(), "cut off once");
        assertEquals("of 2 sent: 1 cut off by the receive timeout (1 late, 0 never seen)", counts.describe());
        assertEquals(0, loop.integrityErrors().total());
    }

    @Test
    void aReplyThatNeverComesIsLost() throws IOException {
        long[] recorded = new long[1];
        DatagramCounts counts = run("lk", 2, recorded).datagramCounts();
        assertEquals(new DatagramCounts(2, 1, 1, 0, 0, 0), counts);
        assertEquals("of 2 sent: 1 lost", counts.describe());
    }
}
