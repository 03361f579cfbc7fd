package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.ipcbench.results.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The box canary measures a real round trip, again and again, and leaves no thread or descriptor behind. */
@Timeout(30)
class BoxCanaryTest {
    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static boolean canaryThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("ipcbench-canary") && t.isAlive());
    }

    @Test
    void measuresAPositiveMedianEachTimeAndClosesCleanly() throws IOException {
        try (BoxCanary warm = BoxCanary.start(Placement.UNPINNED)) {
            warm.measure(); // loads what the native calls load once per process
        }
        long before = openDescriptors();
        try (BoxCanary canary = BoxCanary.start(Placement.UNPINNED)) {
            assertEquals(before + 4, openDescriptors(), "two pipes");
            long first = canary.measure();
            long second = canary.measure();
            assertTrue(first > 0 && second > 0, first + " and " + second);
            // Not a timing claim: a pipe round trip between threads is far below a second on any box.
            assertTrue(first < 1_000_000_000L, first + " ns");
        }
        assertEquals(before, openDescriptors(), "the pipes are closed");
        assertFalse(canaryThreadAlive(), "the echo thread ended");
    }
}
