package io.ipcbench.runner;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.ipcbench.peer.PeerMain;

/**
 * The memory a cell's message buffers may take, so that a cell too large for it is refused or
 * skipped, with the reason, when the run is planned, and never meets an OutOfMemoryError half-way.
 * 1,024 connections at 1 MiB hold up to a GiB in flight each way.
 *
 * <p>The buffers are direct. On this side they count against the JVM's direct memory limit
 * ({@code -XX:MaxDirectMemorySize}, by default the maximum heap), not its heap; the peer's JVM is
 * started with a limit sized for its cell. On both sides they are real memory, zeroed when made, so
 * this side's and the peer's together must fit in the memory the box has available. The kernel's
 * socket buffers (at most SO_SNDBUF and SO_RCVBUF a socket) are not counted.
 *
 * @param directBytes    direct memory this JVM may still allocate ({@link Long#MAX_VALUE}: unknown)
 * @param availableBytes memory the box has available, MemAvailable ({@link Long#MAX_VALUE}: unknown)
 */
public record MemoryBudget(long directBytes, long availableBytes) {
    /** No limit known: every cell fits. */
    public static final MemoryBudget UNKNOWN = new MemoryBudget(Long.MAX_VALUE, Long.MAX_VALUE);

    /** What this JVM and this box allow now. */
    public static MemoryBudget ofThisProcess() {
        return new MemoryBudget(directMemoryLeft(), availableMemory());
    }

    /** Null if the cell's message buffers fit, else why not, in a phrase. */
    public String whyNot(CellPlan.Cell cell) {
        long client = cell.kind().clientBufferBytes(cell.connections(), cell.size());
        long both = client + PeerMain.bufferBytes(cell.kind().peerRole(), cell.connections(), cell.size());
        if (client > directBytes) {
            return "its message buffers take " + mebibytes(client) + " in this JVM, which may allocate "
                    + mebibytes(directBytes) + " more of direct memory (java -XX:MaxDirectMemorySize=SIZE raises that)";
        }
        if (both > availableBytes) {
            return "its message buffers take " + mebibytes(both) + " here and in the peer, more than the "
                    + mebibytes(availableBytes) + " of memory available";
        }
        return null;
    }

    /** "1,025 MiB", rounded up. */
    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", (bytes + (1 << 20) - 1) >> 20);
    }

    /** This JVM's direct memory limit less what its direct buffers hold now. */
    private static long directMemoryLeft() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long limit = Long.parseLong(hotspot.getVMOption("MaxDirectMemorySize").getValue());
            if (limit <= 0) {
                limit = Runtime.getRuntime().maxMemory(); // the JVM's default limit
            }
            long held = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(pool -> "direct".equals(pool.getName()))
                    .mapToLong(BufferPoolMXBean::getTotalCapacity).sum();
            return Math.max(0, limit - held);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** MemAvailable from /proc/meminfo. */
    private static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    String[] fields = line.substring("MemAvailable:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unknown: no limit known.
        }
        return Long.MAX_VALUE;
    }
}
