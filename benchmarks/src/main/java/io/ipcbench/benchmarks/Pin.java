package io.ipcbench.benchmarks;

import io.ipcbench.config.PlacementParser;
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
        return text == null || text.isBlank() ? Placement.UNPINNED : PlacementParser.parse(text, "-D" + PROPERTY);
    }
}
