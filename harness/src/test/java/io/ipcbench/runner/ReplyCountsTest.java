package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import io.ipcbench.results.IntegrityErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reply check every ping-pong loop uses: each fault counted once, under the first thing wrong. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReplyCountsTest {
    private static final int SIZE = 64;

    /** A message of SIZE bytes: sequence, payload of {@code fill}, sequence. */
    private static ByteBuffer message(long sequence, byte fill) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        for (int i = 0; i < SIZE; i++) {
            buffer.put(i, fill);
        }
        return buffer.putLong(0, sequence).putLong(SIZE - Long.BYTES, sequence);
    }

    private static ByteBuffer payload(ByteBuffer message) {
        return message.slice(Long.BYTES, SIZE - 2 * Long.BYTES);
    }

    @Test
    void countsTheFirstFaultOfEachReplyAndNothingForAGoodOne() {
        ByteBuffer sent = message(7, (byte) 1);
        ReplyCounts counts = new ReplyCounts();

        ByteBuffer good = message(7, (byte) 1);
        counts.check(SIZE, SIZE, good, 7, payload(good), payload(sent));
        assertEquals(new IntegrityErrors(0, 0, 0), counts.integrityErrors(), "a good reply");

        counts.check(SIZE - 1, SIZE, good, 7, payload(good), payload(sent));
        ByteBuffer stale = message(6, (byte) 1);
        counts.check(SIZE, SIZE, stale, 7, payload(stale), payload(sent));
        ByteBuffer tailWrong = message(7, (byte) 1).putLong(SIZE - Long.BYTES, 8);
        counts.check(SIZE, SIZE, tailWrong, 7, payload(tailWrong), payload(sent));
        ByteBuffer garbled = message(7, (byte) 2);
        counts.check(SIZE, SIZE, garbled, 7, payload(garbled), payload(sent));
        ByteBuffer shortAndStale = message(5, (byte) 2);
        counts.check(3, SIZE, shortAndStale, 7, payload(shortAndStale), payload(sent));

        assertEquals(new IntegrityErrors(2, 2, 1), counts.integrityErrors(),
                "two short (one also stale and garbled), two with a wrong sequence number at one end, one garbled");
    }
}
