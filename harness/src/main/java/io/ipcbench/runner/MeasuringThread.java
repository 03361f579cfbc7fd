package io.ipcbench.runner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ipcbench.os.CpuAffinity;

/**
 * The one thread every measurement of a run happens on: the calibration, the box canary and each
 * cell's warm-up and measured part. Pinned to the client CPU when the run is pinned, it carries the
 * run's placement; whatever else the run does (starting peers, the interval log, the watchdog)
 * happens on other threads, which are not pinned.
 */
final class MeasuringThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread measuring = new Thread(task, "ipcbench-measure");
        measuring.setDaemon(true);
        return measuring;
    });

    /** Pins the thread to {@code cpu}, for the rest of the run. */
    void pin(int cpu) throws IOException {
        call(() -> {
            CpuAffinity.pinCurrentThread(cpu);
            return null;
        });
    }

    /** Runs {@code task} on the thread and waits for it; its IOException or RuntimeException is thrown here. */
    <T> T call(Callable<T> task) throws IOException {
        Future<T> future = thread.submit(task);
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
