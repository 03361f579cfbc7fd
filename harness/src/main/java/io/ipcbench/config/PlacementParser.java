package io.ipcbench.config;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.results.Placement;

/**
 * Reads a placement as the user writes it, {@code CLIENT,PEER}: {@code 0,1} puts the client's
 * measuring thread on CPU 0 and the peer's on CPU 1. One reading for every place that takes one:
 * {@code ipcbench run --pin}, {@code ipcbench doctor --pin} and the JMH benchmarks'
 * {@code -Dipcbench.pin}.
 */
public final class PlacementParser {
    private PlacementParser() {
    }

    /**
     * The placement {@code text} names; null is {@link Placement#UNPINNED}.
     *
     * @param option how the user gave it, e.g. {@code --pin}, to name it in an error
     * @throws IllegalArgumentException for anything but two CPU numbers, or a CPU this process may not use
     */
    public static Placement parse(String text, String option) {
        if (text == null) {
            return Placement.UNPINNED;
        }
        String[] parts = text.trim().split(",", -1);
        if (parts.length != 2) {
            throw usage(text, option);
        }
        int[] cpus = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                cpus[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw usage(text, option);
            }
            if (!CpuAffinity.isAllowed(cpus[i])) {
                throw new IllegalArgumentException(option + "=" + text + ": CPU " + cpus[i]
                        + " is not available here (CPUs: " + CpuAffinity.describe(CpuAffinity.allowedCpus()) + ")");
            }
        }
        return new Placement(cpus[0], cpus[1]);
    }

    private static IllegalArgumentException usage(String text, String option) {
        return new IllegalArgumentException(option + " takes CLIENT,PEER CPU numbers, e.g. 0,1 (got '" + text + "')");
    }
}
