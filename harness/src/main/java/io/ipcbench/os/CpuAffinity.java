package io.ipcbench.os;

import static io.ipcbench.os.Native.LIBC;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * Pins the calling thread to one CPU with sched_setaffinity (jnr-posix lacks it; jnr-ffi calls
 * libc directly). Threads inherit their creator's mask, so helper threads call
 * {@link #allowAllCpus()} so as not to inherit a pin: the scheduler then puts them where it likes,
 * the measured CPUs included, rather than always beside a measuring thread.
 */
public final class CpuAffinity {
    /** Room for 1,024 CPUs, glibc's cpu_set_t. */
    private static final int MASK_BYTES = 128;
    private static final BitSet ALLOWED_AT_START = readMask();

    private CpuAffinity() {
    }

    /** The CPUs this process may run on, as it was started (taskset, cgroups). */
    public static BitSet allowedCpus() {
        return (BitSet) ALLOWED_AT_START.clone();
    }

    public static boolean isAllowed(int cpu) {
        return cpu >= 0 && ALLOWED_AT_START.get(cpu);
    }

    /** Pins the calling thread to {@code cpu}. */
    public static void pinCurrentThread(int cpu) throws IOException {
        if (!isAllowed(cpu)) {
            throw new IOException("CPU " + cpu + " is not available to this process (allowed: "
                    + describe(ALLOWED_AT_START) + ")");
        }
        BitSet mask = new BitSet();
        mask.set(cpu);
        setMask(mask);
    }

    /** Lets the calling thread run on every CPU the process started with. */
    public static void allowAllCpus() {
        try {
            setMask(ALLOWED_AT_START);
        } catch (IOException e) {
            // Not fatal: the thread keeps its inherited mask.
        }
    }

    /** The CPU the calling thread runs on right now. */
    public static int currentCpu() {
        return LIBC.sched_getcpu();
    }

    /** "0-1" or "0,2,5". */
    public static String describe(BitSet cpus) {
        StringBuilder text = new StringBuilder();
        for (int start = cpus.nextSetBit(0); start >= 0; ) {
            int end = cpus.nextClearBit(start) - 1;
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(start);
            if (end > start) {
                text.append('-').append(end);
            }
            start = cpus.nextSetBit(end + 1);
        }
        return text.toString();
    }

    private static void setMask(BitSet cpus) throws IOException {
        ByteBuffer mask = Native.allocate(MASK_BYTES);
        byte[] bytes = cpus.toByteArray();
        mask.put(0, bytes, 0, Math.min(bytes.length, MASK_BYTES));
        Native.check(LIBC.sched_setaffinity(0, MASK_BYTES, Native.address(mask)), "sched_setaffinity()");
        Reference.reachabilityFence(mask);
    }

    private static BitSet readMask() {
        ByteBuffer mask = Native.allocate(MASK_BYTES);
        if (LIBC.sched_getaffinity(0, MASK_BYTES, Native.address(mask)) < 0) {
            BitSet all = new BitSet();
            all.set(0, Runtime.getRuntime().availableProcessors());
            return all;
        }
        byte[] bytes = new byte[MASK_BYTES];
        mask.get(0, bytes);
        return BitSet.valueOf(bytes);
    }
}
