package io.ipcbench.peer;

import java.io.IOException;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.MessageBuffer;

/**
 * The peer's side of the boundary probe: after a pause that lets the client's writes pile up,
 * read until {@code total} bytes have arrived, one system call at a time, and report the length
 * each read returned. On a byte stream the reads merge or split the writes as the kernel likes;
 * a datagram or seqpacket socket returns one write per read.
 */
public final class SplitReads {
    /** The report: a count, then up to {@link #MAX_READS} lengths, as longs. */
    public static final int MAX_READS = 60;
    public static final int REPORT_BYTES = Long.BYTES * (MAX_READS + 1);
    /** Long enough for every write to have arrived before the first read. */
    static final long PAUSE_MILLIS = 200;

    private SplitReads() {
    }

    /** What the buffers take, for {@code total} bytes to read. */
    static long bufferBytes(int total) {
        return readBufferBytes(total) + REPORT_BYTES;
    }

    private static int readBufferBytes(int total) {
        return Math.max(total, 64) + 64;
    }

    static void serve(Connection connection, int total) throws IOException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        MessageBuffer in = new MessageBuffer(readBufferBytes(total));
        MessageBuffer report = new MessageBuffer(REPORT_BYTES);
        int reads = 0;
        int received = 0;
        while (received < total && reads < MAX_READS) {
            int length = connection.receiveOnce(in, in.capacity());
            if (length == Connection.TIMED_OUT) {
                continue;
            }
            report.buffer().putLong(Long.BYTES * (1 + reads), length);
            reads++;
            received += length;
        }
        report.buffer().putLong(0, reads);
        connection.send(report, REPORT_BYTES);
    }
}
