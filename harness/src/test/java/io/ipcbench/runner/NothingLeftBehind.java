package io.ipcbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.PrivateDirectory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that start real peers: private directories go to a folder of the test's own, and
 * after each test no peer process may still run and that folder must be empty (no socket file,
 * FIFO or directory left).
 */
final class NothingLeftBehind implements BeforeEachCallback, AfterEachCallback {
    private Path parent;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        parent = Files.createTempDirectory("ipcbench-test-");
        System.setProperty(PrivateDirectory.PARENT_PROPERTY, parent.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        System.clearProperty(PrivateDirectory.PARENT_PROPERTY);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().descendants().findAny().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.current().descendants().findAny().isPresent(), "no peer outlives its run");
        try (var left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "no private directory, socket file or FIFO is left");
        }
        Files.delete(parent);
    }
}
