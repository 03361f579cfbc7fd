package io.ipcbench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's CPU list format, as in {@code /sys/devices/system/cpu/online} or {@code isolcpus=}:
 * {@code 0-3,8,10-11}. Words among the numbers ({@code isolcpus=domain,managed_irq,2-3}) are flags,
 * not CPUs, and are passed over.
 */
public final class CpuList {
    private CpuList() {
    }

    /** The CPUs a list names, in order; empty for an empty list. */
    public static List<Integer> parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.trim().split(",")) {
            String range = part.trim();
            if (!range.matches("\\d+(-\\d+)?")) {
                continue;
            }
            String[] ends = range.split("-");
            int first = Integer.parseInt(ends[0]);
            int last = ends.length > 1 ? Integer.parseInt(ends[1]) : first;
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }
}
