package io.ipcbench.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory only this user can enter (mode 0700), for socket files and FIFOs, removed with
 * everything in it on {@link #close()} and, if the JVM is stopped first, by {@link Cleanup}.
 *
 * <p>It lives under /tmp rather than {@code java.io.tmpdir} when it can: a Unix socket path must
 * fit in 107 bytes.
 *
 * <p>A process killed with SIGKILL runs no cleanup, so each directory names its owner in a file
 * ({@value #OWNER_FILE}: the owner's pid and start time, which together outlive pid reuse), and
 * {@link #removeOrphans()} removes, at the start of the next run, those whose owner is gone.
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

    /** The file in each directory that names the process that made it. */
    public static final String OWNER_FILE = ".owner";
    private static final String PREFIX = "ipcbench-";
    private static final int DELETE_ATTEMPTS = 5;

    public static PrivateDirectory create() throws IOException {
        Path path = Files.createTempDirectory(parent(), PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        PrivateDirectory directory = new PrivateDirectory(path);
        try {
            Files.writeString(path.resolve(OWNER_FILE), ProcessIdentity.current().toString());
        } catch (IOException e) {
            directory.close();
            throw e;
        }
        return directory;
    }

    private static Path parent() {
        String configured = System.getProperty(PARENT_PROPERTY);
        return configured != null ? Path.of(configured)
                : Files.isWritable(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Removes the private directories that a killed run left behind: those whose owner file names a
     * process that no longer runs. Directories of live runs, of other users, and without an owner
     * file are left alone.
     *
     * @return the directories removed
     */
    public static List<Path> removeOrphans() {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent(), PREFIX + "*")) {
            for (Path candidate : candidates) {
                Path owner = candidate.resolve(OWNER_FILE);
                if (!Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(owner)) {
                    continue;
                }
                ProcessIdentity identity = ProcessIdentity.parse(Files.readString(owner).trim());
                if (identity != null && !identity.isAlive()) {
                    delete(candidate);
                    if (!Files.exists(candidate)) {
                        removed.add(candidate);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Nothing to sweep, or nothing readable: a sweep never stops a run.
        }
        return removed;
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
        delete(path);
    }

    /**
     * Removes the directory and all in it. A few tries: when the JVM is stopping, the thread that
     * used the directory may still be adding a file to it while it is being emptied.
     */
    private static void delete(Path path) {
        IOException last = null;
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(path, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (last != null && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("ipcbench: could not remove " + path + ": " + last.getMessage());
        }
    }
}
