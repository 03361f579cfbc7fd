package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.junit.jupiter.api.Test;

/** The loop's datagram accounting, with a scripted connection that replies late, twice, or never. */
class RoundTripLoopTest {
    /** Echoes like a datagram socket, but following a script: per message, how the replies go. */
    private static class ScriptedConnection implements Connection {
        private final String script;
        private final java.util.ArrayDeque<byte[]> pending = new java.util.ArrayDeque<>();
        private int message;

        ScriptedConnection(String script) {
            this.script = script;
        }

        @Override
        public void send(MessageBuffer buffer, int length) {
            byte[] copy = new byte[length];
            buffer.buffer().get(0, copy);
            char what = script.charAt(message++ % script.length());
            switch (what) {
                case 'k' -> pending.add(copy);                  // answered
                case 'd' -> { pending.add(copy); pending.add(copy); } // answered twice
                case 'l' -> { }                                 // lost
                case 'L' -> pending.addLast(copy);               // late: answered after the next one times out
                default -> throw new IllegalStateException();
            }
        }

        @Override
        public int receive(MessageBuffer buffer, int length) {
            return receiveOnce(buffer, buffer.capacity());
        }

        @Override
        public int receiveOnce(MessageBuffer buffer, int maxLength) {
            byte[] next = pending.poll();
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

    @Test
    void countsLostDuplicatedAndLateRepliesBySequenceNumber() throws IOException {
        // Message 1 answered, 2 answered twice, 3 lost, 4 answered.
        RoundTripLoop loop = new RoundTripLoop(new ScriptedConnection("kdlk"), () -> 0, 64, true);
        long recorded = loop.run(nanos -> { }, 4, Long.MAX_VALUE);

        assertEquals(3, recorded);
        assertEquals(4, loop.datagramCounts().sent());
        assertEquals(3, loop.datagramCounts().received());
        assertEquals(1, loop.datagramCounts().lost());
        assertEquals(1, loop.datagramCounts().duplicated());
        assertEquals(0, loop.integrityErrors().total());
    }

    @Test
    void aReplyThatArrivesAfterItsMessageWasCountedLostIsCountedReordered() throws IOException {
        // Message 1 lost, then its reply turns up while message 2's is awaited.
        ScriptedConnection connection = new ScriptedConnection("Lk") {
            private boolean first = true;

            @Override
            public int receiveOnce(MessageBuffer buffer, int maxLength) {
                if (first) {
                    first = false;
                    return TIMED_OUT;
                }
                return super.receiveOnce(buffer, maxLength);
            }
        };
        RoundTripLoop loop = new RoundTripLoop(connection, () -> 0, 64, true);
        loop.run(nanos -> { }, 2, Long.MAX_VALUE);

        assertEquals(1, loop.datagramCounts().lost());
        assertEquals(1, loop.datagramCounts().reordered());
        assertEquals(1, loop.datagramCounts().received());
        assertEquals(0, loop.integrityErrors().total());
    }
}
