package io.ipcbench.box;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.ipcbench.results.CpuCost.ProcessCost;

/**
 * A process's CPU time and its threads' context switches so far. CPU time is the whole process's,
 * from {@code /proc/<pid>/stat}. Context switches are counted per thread in
 * {@code /proc/<pid>/task/<tid>/status} ({@code /proc/<pid>/status} shows only the main thread's, and
 * a JVM measures on others), and kept per thread so that a thread ending in between cannot make
 * the difference negative.
 *
 * @param userTicks   user CPU time in clock ticks
 * @param systemTicks system CPU time in clock ticks
 * @param switches    per thread id: voluntary and involuntary context switches
 */
record ProcessUsage(long userTicks, long systemTicks, Map<Long, long[]> switches) {
    /**
     * The kernel's USER_HZ, the unit of the tick counts in /proc: 100 on every architecture Linux
     * runs Java on (it is part of the user-space ABI, whatever the kernel's own HZ).
     */
    static final long TICKS_PER_SECOND = 100;
    static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

    static Optional<ProcessUsage> read(SystemFiles files, long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Optional<String> stat = files.firstLine("/proc/" + pid + "/stat");
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        try {
            // The fields after the command name, which may hold spaces and parentheses: state is field 3,
            // utime 14 and stime 15.
            String line = stat.get();
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
            long user = Long.parseLong(fields[11]);
            long system = Long.parseLong(fields[12]);
            Map<Long, long[]> switches = new HashMap<>();
            for (String task : files.list("/proc/" + pid + "/task")) {
                long[] counts = new long[2];
                for (String status : files.lines("/proc/" + pid + "/task/" + task + "/status")) {
                    if (status.startsWith("voluntary_ctxt_switches:")) {
                        counts[0] = Long.parseLong(status.substring(status.indexOf(':') + 1).trim());
                    } else if (status.startsWith("nonvoluntary_ctxt_switches:")) {
                        counts[1] = Long.parseLong(status.substring(status.indexOf(':') + 1).trim());
                    }
                }
                switches.put(Long.parseLong(task), counts);
            }
            return Optional.of(new ProcessUsage(user, system, switches));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What the process spent since {@code before}, per message: CPU time, and the switches of the
     * threads seen at both ends or started since.
     */
    ProcessCost costSince(ProcessUsage before, long messages) {
        long voluntary = 0;
        long involuntary = 0;
        for (Map.Entry<Long, long[]> thread : switches.entrySet()) {
            long[] then = before.switches.getOrDefault(thread.getKey(), new long[2]);
            voluntary += Math.max(0, thread.getValue()[0] - then[0]);
            involuntary += Math.max(0, thread.getValue()[1] - then[1]);
        }
        return ProcessCost.of((userTicks - before.userTicks) * NANOS_PER_TICK,
                (systemTicks - before.systemTicks) * NANOS_PER_TICK, voluntary, involuntary, messages);
    }
}
