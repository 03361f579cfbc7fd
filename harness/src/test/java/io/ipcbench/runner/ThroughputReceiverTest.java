package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.junit.jupiter.api.Test;

/** The receiver's datagram accounting, fed a scripted order of sequence numbers. */
class ThroughputReceiverTest {
    private static final class Scripted implements Connection {
        private final ArrayDeque<Long> sequences;

        Scripted(List<Long> sequences) {
            this.sequences = new ArrayDeque<>(sequences);
        }

        @Override
        public void send(MessageBuffer message, int length) {
        }

        @Override
        public int receive(MessageBuffer message, int length) {
            Long next = sequences.poll();
            if (next == null) {
                return TIMED_OUT;
            }
            message.buffer().putLong(0, next);
            return length;
        }

        @Override
        public int receiveOnce(MessageBuffer message, int maxLength) {
            return receive(message, maxLength);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void tellsGapsDuplicatesAndLateArrivalsApart() throws IOException {
        // 1 2 [3 missing] 4 2(dup) [5 missing] 6 5(late) 100000 (a gap wider than the window) 7(too old to tell)
        ThroughputReceiver receiver = new ThroughputReceiver(
                new Scripted(List.of(1L, 2L, 4L, 2L, 6L, 5L, 100_000L, 7L)), () -> 0, 64, true);
        receiver.run(8, Long.MAX_VALUE);

        assertEquals(8, receiver.messages());
        assertEquals(1, receiver.duplicated());
        assertEquals(2, receiver.reordered());
        assertEquals(7, receiver.distinctMessages());
        assertEquals(0, receiver.integrityErrors().total());
    }

    @Test
    void onAStreamEverySequenceNumberMustFollowTheLast() throws IOException {
        ThroughputReceiver receiver = new ThroughputReceiver(new Scripted(List.of(1L, 2L, 4L, 5L)), () -> 0, 64, false);
        receiver.run(4, Long.MAX_VALUE);

        assertEquals(1, receiver.integrityErrors().wrongSequence());
    }
}
