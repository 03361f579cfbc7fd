package io.ipcbench.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removing the socket files and FIFOs a transport made, as soon as they are no longer needed. */
public final class SocketFiles {
    private SocketFiles() {
    }

    /**
     * Removes {@code file} if it is there (null: nothing to do). A failure is not an error: the
     * cell's private directory, and everything in it, is removed after the cell in any case.
     */
    public static void remove(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Removed with the private directory.
        }
    }
}
