package io.ipcbench.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.ipcbench.config.RunConfig;
import io.ipcbench.results.CellResult;

/**
 * What every cell of a run is measured with: the run's settings, the clock of the measured loops,
 * the thread they run on, the run folder the interval logs go to, and the cells the run has
 * finished so far, in order (a rate cell at a percentage reads its closed-loop cell there).
 */
record CellContext(RunConfig config, NanoClock clock, MeasuringThread measuringThread, Path folder,
                   List<CellResult> finished) {
    /** Runs {@code task} on the measuring thread and waits for it. */
    <T> T onMeasuringThread(Callable<T> task) throws IOException {
        return measuringThread.call(task);
    }

    /** Whether the configuration asks for a warm-up. */
    boolean warmsUp() {
        return config.warmupIterations() > 0 || config.warmupMillis() > 0;
    }

    /** A count limit, where 0 means none. */
    static long limit(long count) {
        return count > 0 ? count : Long.MAX_VALUE;
    }

    /** A deadline on the measuring clock {@code millis} from now (0: none); read it on the measuring thread. */
    long deadline(long millis) {
        return millis > 0 ? clock.nanoTime() + millis * 1_000_000L : Long.MAX_VALUE;
    }
}
