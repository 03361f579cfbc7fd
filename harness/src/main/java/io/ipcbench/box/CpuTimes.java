package io.ipcbench.box;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each CPU's time by kind, in clock ticks since boot, from the {@code cpuN} lines of
 * {@code /proc/stat}: user nice system idle iowait irq softirq steal (guest time is inside user).
 */
record CpuTimes(Map<Integer, long[]> ticks) {
    private static final int USER = 0;
    private static final int NICE = 1;
    private static final int SYSTEM = 2;
    // 3 and 4 are idle and iowait: counted only in the total.
    private static final int IRQ = 5;
    private static final int SOFTIRQ = 6;
    private static final int STEAL = 7;
    private static final int KINDS = 8;

    static Optional<CpuTimes> read(SystemFiles files) {
        Map<Integer, long[]> ticks = new TreeMap<>();
        try {
            for (String line : files.lines("/proc/stat")) {
                String[] fields = line.trim().split("\\s+");
                if (!fields[0].matches("cpu\\d+")) {
                    continue;
                }
                long[] kinds = new long[KINDS];
                for (int i = 0; i < KINDS && i + 1 < fields.length; i++) {
                    kinds[i] = Long.parseLong(fields[i + 1]);
                }
                ticks.put(Integer.parseInt(fields[0].substring(3)), kinds);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ticks.isEmpty() ? Optional.empty() : Optional.of(new CpuTimes(ticks));
    }

    /** Steal time of these CPUs since {@code before}, in % of their time; null when unknown or no time passed. */
    Double stealPercentSince(CpuTimes before, Collection<Integer> cpus) {
        return percentSince(before, cpus, STEAL);
    }

    /** Time these CPUs spent running anything (user, system, interrupts) since {@code before}, in %. */
    Double busyPercentSince(CpuTimes before, Collection<Integer> cpus) {
        return percentSince(before, cpus, USER, NICE, SYSTEM, IRQ, SOFTIRQ);
    }

    private Double percentSince(CpuTimes before, Collection<Integer> cpus, int... kinds) {
        long part = 0;
        long total = 0;
        for (int cpu : cpus) {
            long[] now = ticks.get(cpu);
            long[] then = before.ticks.get(cpu);
            if (now == null || then == null) {
                return null;
            }
            for (int kind : kinds) {
                part += now[kind] - then[kind];
            }
            for (int kind = USER; kind <= STEAL; kind++) {
                total += now[kind] - then[kind];
            }
        }
        return total > 0 ? 100.0 * part / total : null;
    }

    /** Every CPU /proc/stat lists. */
    Collection<Integer> cpus() {
        return ticks.keySet();
    }
}
