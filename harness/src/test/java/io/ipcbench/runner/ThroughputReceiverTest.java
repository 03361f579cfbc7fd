package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.List;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receiver's accounting: datagrams fed a scripted order of sequence numbers, streams read in scripted pieces. */
@Timeout(10)
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

    /** A byte stream of messages, each starting with its sequence number, handed over in reads of scripted lengths. */
    private static final class Chunked implements Connection {
        private final ByteBuffer stream;
        private final ArrayDeque<Integer> reads;

        Chunked(int size, long[] sequences, List<Integer> reads) {
            this.stream = ByteBuffer.allocate(size * sequences.length).order(ByteOrder.nativeOrder());
            for (int i = 0; i < sequences.length; i++) {
                stream.putLong(i * size, sequences[i]);
            }
            this.reads = new ArrayDeque<>(reads);
        }

        @Override
        public void send(MessageBuffer message, int length) {
        }

        @Override
        public int receive(MessageBuffer message, int length) {
            throw new AssertionError("a stream receiver reads what each call returns");
        }

        @Override
        public int receiveOnce(MessageBuffer message, int maxLength) throws EOFException {
            if (!stream.hasRemaining()) {
                throw new EOFException("the other side closed the connection");
            }
            int n = Math.min(Math.min(maxLength, stream.remaining()), reads.isEmpty() ? maxLength : reads.poll());
            for (int i = 0; i < n; i++) {
                message.buffer().put(i, stream.get());
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void onAStreamEverySequenceNumberMustFollowTheLast() throws IOException {
        ThroughputReceiver receiver = new ThroughputReceiver(new Chunked(64, new long[] {1, 2, 4, 5}, List.of()),
                () -> 0, 64, false);
        receiver.run(4, Long.MAX_VALUE);

        assertEquals(4, receiver.messages());
        assertEquals(1, receiver.integrityErrors().wrongSequence());
    }

    @Test
    void aStreamReadInPiecesThatCutMessagesAndTheirSequenceNumbersCountsEveryMessageOnce() throws IOException {
        // 100-byte messages read 37, 5, 3, 55, 100, 103, 100, 1 and 99 bytes at a time: reads end inside a
        // message, on a boundary (100, 200), inside message 3's sequence number (at 303) and twice inside
        // message 4's (at 403 and 404).
        ThroughputReceiver receiver = new ThroughputReceiver(new Chunked(100, new long[] {1, 2, 3, 4, 5},
                List.of(37, 5, 3, 55, 100, 103, 100, 1, 99)), () -> 0, 100, false);
        long arrived = receiver.run(5, Long.MAX_VALUE);

        assertEquals(5, arrived);
        assertEquals(5, receiver.messages());
        assertEquals(500, receiver.bytes(), "whole messages only");
        assertEquals(0, receiver.integrityErrors().total(), "every sequence number read whole, across reads too");
    }

    @Test
    void aSequenceNumberSplitAcrossReadsIsCheckedToo() throws IOException {
        // Message 2 carries 7 instead of 2; its number is split 3 bytes + 5 bytes across two reads.
        ThroughputReceiver receiver = new ThroughputReceiver(new Chunked(64, new long[] {1, 7, 3}, List.of(67, 64, 61)),
                () -> 0, 64, false);
        receiver.run(3, Long.MAX_VALUE);

        assertEquals(3, receiver.messages());
        assertEquals(2, receiver.integrityErrors().wrongSequence(), "7 after 1, and 3 after 7");
    }
}
