package io.ipcbench.box;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernel's files under {@code /proc} and {@code /sys}, read from a root that tests replace with
 * a fake tree. Paths are given as the kernel names them ({@code /proc/stat}); a file that is
 * missing or unreadable is an empty answer, never an error: boxes differ in what they show.
 */
public final class SystemFiles {
    /** The running system's own files. */
    public static final SystemFiles LIVE = new SystemFiles(Path.of("/"));

    private final Path root;

    public SystemFiles(Path root) {
        this.root = root;
    }

    private Path resolve(String path) {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The whole file, trimmed. */
    public Optional<String> text(String path) {
        // Not Files.readString: /proc files report size 0, and a sized read may stop short.
        try (InputStream in = Files.newInputStream(resolve(path))) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file's first line, trimmed. */
    public Optional<String> firstLine(String path) {
        return text(path).map(text -> text.lines().findFirst().orElse("").trim());
    }

    /** The file's lines. */
    public List<String> lines(String path) {
        return text(path).map(text -> text.lines().toList()).orElse(List.of());
    }

    /** The file's first line as a whole number. */
    public Optional<Long> number(String path) {
        try {
            return firstLine(path).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The names in a directory, sorted; empty when it is missing. */
    public List<String> list(String directory) {
        try (Stream<Path> entries = Files.list(resolve(directory))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }
}
