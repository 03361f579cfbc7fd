package io.ipcbench.box;

import java.util.ArrayList;
import java.util.List;

/** The kernel's CPU list format, as in {@code /sys/devices/system/cpu/online}: {@code 0-3,8,10-11}. */
final class CpuList {
    private CpuList() {
    }

    /** The CPUs a list names, in order; empty for an empty or malformed list. */
    static List<Integer> parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        try {
            for (String part : list.trim().split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] range = part.trim().split("-");
                int first = Integer.parseInt(range[0]);
                int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return cpus;
    }
}
