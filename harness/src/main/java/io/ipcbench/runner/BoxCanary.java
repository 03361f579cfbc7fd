package io.ipcbench.runner;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.os.Native;
import io.ipcbench.results.Placement;
import org.HdrHistogram.Histogram;

/**
 * A small fixed measurement of the box itself, taken before and after every cell: the median of
 * {@link #ROUND_TRIPS} round trips of 8 bytes over a pair of pipes between two threads of this
 * process, pinned where the cell's two sides are. It involves no transport under test, no peer
 * process and no JIT of the measured loop, so when it moves between runs, or during one, it is
 * the box that moved (another wake-up mode, a busy neighbour, another CPU frequency), not a
 * transport. The gate and the claims read it to say so.
 *
 * <pre>
 *   measuring thread (client CPU)        echo thread (peer CPU)
 *   write ping ───────────────────────►  read ping
 *   read pong  ◄───────────────────────  write pong
 * </pre>
 */
public final class BoxCanary implements AutoCloseable {
    /** Round trips per measurement: about 10 to 30 ms here. */
    public static final int ROUND_TRIPS = 1_000;
    /** Round trips run before each measurement and not recorded: the echo thread has slept since the last one. */
    static final int WARMUP = 100;
    private static final int MESSAGE = 8;

    private final int pingRead;
    private final int pingWrite;
    private final int pongRead;
    private final int pongWrite;
    private final ByteBuffer buffer = Native.allocate(MESSAGE);
    private final long address = Native.address(buffer);
    private final Histogram histogram = new Histogram(IntervalLogger.HIGHEST_TRACKABLE_NANOS,
            IntervalLogger.SIGNIFICANT_DIGITS);
    private final Thread echo;

    private BoxCanary(int[] ping, int[] pong, Integer echoCpu) {
        this.pingRead = ping[0];
        this.pingWrite = ping[1];
        this.pongRead = pong[0];
        this.pongWrite = pong[1];
        this.echo = new Thread(() -> echo(echoCpu), "ipcbench-canary");
        echo.setDaemon(true);
        echo.start();
    }

    /** Opens the pipes and starts the echo thread, pinned to the peer's CPU when the run is pinned. */
    public static BoxCanary start(Placement placement) throws IOException {
        int[] ping = pipe();
        int[] pong;
        try {
            pong = pipe();
        } catch (IOException e) {
            LIBC.close(ping[0]);
            LIBC.close(ping[1]);
            throw e;
        }
        return new BoxCanary(ping, pong, placement.pinned() ? placement.peer() : null);
    }

    /**
     * The median round trip in nanoseconds over {@link #ROUND_TRIPS}, after a short warm-up. Call it
     * from the measuring thread, which carries the client's placement.
     */
    public long measure() throws IOException {
        for (int i = 0; i < WARMUP; i++) {
            roundTrip();
        }
        histogram.reset();
        for (int i = 0; i < ROUND_TRIPS; i++) {
            histogram.recordValue(Math.min(roundTrip(), IntervalLogger.HIGHEST_TRACKABLE_NANOS));
        }
        return histogram.getValueAtPercentile(50);
    }

    private long roundTrip() throws IOException {
        long start = System.nanoTime();
        transfer(pingWrite, true);
        transfer(pongRead, false);
        return System.nanoTime() - start;
    }

    private void transfer(int fd, boolean write) throws IOException {
        long n = write ? LIBC.write(fd, address, MESSAGE) : LIBC.read(fd, address, MESSAGE);
        if (n != MESSAGE) {
            int errno = Native.errno();
            throw n < 0 ? Native.failure("canary " + (write ? "write()" : "read()"), errno)
                    : new IOException("the canary's echo thread stopped");
        }
    }

    /** Echoes 8-byte messages until its input ends; 8 bytes on a pipe arrive whole. */
    private void echo(Integer cpu) {
        try {
            if (cpu != null) {
                CpuAffinity.pinCurrentThread(cpu);
            }
        } catch (IOException e) {
            // Left unpinned, it still echoes; the client's side carries the run's placement.
        }
        ByteBuffer own = Native.allocate(MESSAGE);
        long ownAddress = Native.address(own);
        try {
            while (LIBC.read(pingRead, ownAddress, MESSAGE) == MESSAGE) {
                if (LIBC.write(pongWrite, ownAddress, MESSAGE) != MESSAGE) {
                    return;
                }
            }
        } finally {
            // The loop uses only the address: without this, the buffer is unreachable once the loop
            // is compiled, a GC frees its memory, and read() writes into the C heap.
            Reference.reachabilityFence(own);
        }
    }

    private static int[] pipe() throws IOException {
        ByteBuffer fds = Native.allocate(2 * Integer.BYTES);
        Native.check(LIBC.pipe2(Native.address(fds), Native.O_CLOEXEC), "pipe2()");
        return new int[] {fds.getInt(0), fds.getInt(Integer.BYTES)};
    }

    /** Ends the echo thread (its input reaches end of file) and closes the pipes. */
    @Override
    public void close() {
        LIBC.close(pingWrite);
        try {
            echo.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIBC.close(pingRead);
        LIBC.close(pongWrite);
        LIBC.close(pongRead);
    }
}
