package io.ipcbench.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory only this user can enter (mode 0700), for socket files and FIFOs, removed with
 * everything in it on {@link #close()} and, if the JVM is stopped first, by {@link Cleanup}.
 *
 * <p>It lives under /tmp rather than {@code java.io.tmpdir} when it can: a Unix socket path must
 * fit in 107 bytes.
 */
public final class PrivateDirectory implements AutoCloseable {
    private final Path path;
    private final Runnable unregister;

    private PrivateDirectory(Path path) {
        this.path = path;
        this.unregister = Cleanup.register(this::delete);
    }

    /** System property naming another parent directory (tests use it to see that nothing is left behind). */
    public static final String PARENT_PROPERTY = "ipcbench.private.parent";

    public static PrivateDirectory create() throws IOException {
        String configured = System.getProperty(PARENT_PROPERTY);
        Path parent = configured != null ? Path.of(configured)
                : Files.isWritable(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        Path path = Files.createTempDirectory(parent, "ipcbench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new PrivateDirectory(path);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        unregister.run();
        delete();
    }

    private void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("ipcbench: could not remove " + path + ": " + e.getMessage());
        }
    }
}
