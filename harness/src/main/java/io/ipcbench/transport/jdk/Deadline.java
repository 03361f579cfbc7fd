package io.ipcbench.transport.jdk;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.TransportOptions;

/**
 * A time limit for a set-up step that blocks in the JDK with no timeout of its own: opening a FIFO,
 * reading the hello from a {@code FileChannel} or a blocking socket, accepting a connection.
 *
 * <p>The step runs on the calling thread. If it has not returned when the time is up, a timer
 * thread runs the step's abort, which must make the blocked call return (close its channel, or open
 * the FIFO's other end), and the step is then reported as a {@link SocketTimeoutException}. This
 * is how a Java application puts a time limit on a blocking channel; it is never on a measured path.
 */
final class Deadline {
    /** One daemon thread serves every deadline of the process; an idle one costs nothing. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRED = 2;

    /** A blocking set-up step. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    /** What makes a blocked step return. */
    @FunctionalInterface
    interface Abort {
        void run() throws IOException;
    }

    private Deadline() {
    }

    /**
     * Runs {@code step}, or throws a {@link SocketTimeoutException} saying that no {@code awaited}
     * came within {@code timeout}. A result that comes too late is closed if it is {@link Closeable}.
     */
    static <T> T within(Duration timeout, String awaited, Abort abort, Step<T> step) throws IOException {
        AtomicInteger state = new AtomicInteger(RUNNING);
        ScheduledFuture<?> timer = TIMER.schedule(() -> {
            if (state.compareAndSet(RUNNING, FIRED)) {
                try {
                    abort.run();
                } catch (IOException | RuntimeException ignored) {
                    // The step is reported as timed out whatever the abort managed to do.
                }
            }
        }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        T result;
        try {
            result = step.run();
        } catch (IOException | RuntimeException e) {
            timer.cancel(false);
            if (!state.compareAndSet(RUNNING, DONE)) {
                throw timedOut(awaited, timeout, e);
            }
            throw e;
        }
        timer.cancel(false);
        if (!state.compareAndSet(RUNNING, DONE)) {
            if (result instanceof Closeable closeable) {
                closeQuietly(closeable);
            }
            throw timedOut(awaited, timeout, null);
        }
        return result;
    }

    /**
     * Reads the peer's hello from a blocking channel within the options' connect timeout, running
     * {@code abort} to give up; checks it against the options' secret and returns its detail.
     */
    static long hello(Connection connection, TransportOptions options, Abort abort) throws IOException {
        return within(options.connectTimeout(), Hello.AWAITED, abort,
                () -> Hello.receive(connection, options.connectTimeout(), options.secret()));
    }

    private static SocketTimeoutException timedOut(String awaited, Duration timeout, Exception cause) {
        SocketTimeoutException e = new SocketTimeoutException(
                "no " + awaited + " within " + timeout.toMillis() + " ms");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ipcbench-jdk-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
