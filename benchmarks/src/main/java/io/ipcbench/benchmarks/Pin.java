package io.ipcbench.benchmarks;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.results.Placement;

/**
 * Where the benchmark thread and the peer's echo thread run, read from the system property
 * {@value #PROPERTY} with the meaning of the harness's {@code --pin CLIENT,PEER}: {@code 0,1} puts the
 * benchmark thread on CPU 0 and the peer's echo thread on CPU 1; absent or empty leaves both to the
 * scheduler.
 *
 * <p>A system property rather than a {@code @Param}: JMH splits {@code -p} values at commas, so
 * {@code -p pin=0,1} would mean two placements, "0" and "1". JMH hands the host JVM's arguments to
 * its forks, so {@code java -Dipcbench.pin=0,1 -jar benchmarks.jar} reaches them, and the
 * placement is kept in the {@code jvmArgs} of JMH's JSON result.
 */
public final class Pin {
    /** The system property that holds {@code CLIENT,PEER}. */
    public static final String PROPERTY = "ipcbench.pin";

    private Pin() {
    }

    /** The placement the system property asks for, {@link Placement#UNPINNED} when it is not set. */
    public static Placement fromSystemProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    /**
     * {@code "0,1"} to a placement; null or blank to {@link Placement#UNPINNED}.
     *
     * @throws IllegalArgumentException for anything else, or a CPU this process may not use
     */
    public static Placement parse(String text) {
        if (text == null || text.isBlank()) {
            return Placement.UNPINNED;
        }
        String[] parts = text.trim().split(",", -1);
        if (parts.length != 2) {
            throw usage(text);
        }
        int[] cpus = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                cpus[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw usage(text);
            }
            if (!CpuAffinity.isAllowed(cpus[i])) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + ": CPU " + cpus[i]
                        + " is not available here (CPUs: " + CpuAffinity.describe(CpuAffinity.allowedCpus()) + ")");
            }
        }
        return new Placement(cpus[0], cpus[1]);
    }

    private static IllegalArgumentException usage(String text) {
        return new IllegalArgumentException("-D" + PROPERTY + " takes CLIENT,PEER CPU numbers, e.g. 0,1 (got '"
                + text + "')");
    }
}
