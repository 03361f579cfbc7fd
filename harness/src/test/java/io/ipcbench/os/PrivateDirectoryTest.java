package io.ipcbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Private directories: private, named after their owner, and swept once their owner is gone. */
@Timeout(10)
class PrivateDirectoryTest {
    @TempDir
    Path parent;

    @BeforeEach
    void useTheTestsParent() {
        System.setProperty(PrivateDirectory.PARENT_PROPERTY, parent.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(PrivateDirectory.PARENT_PROPERTY);
    }

    private Path leftBehind(String name, String owner) throws IOException {
        Path dir = Files.createDirectory(parent.resolve(name));
        Files.writeString(dir.resolve("socket"), "");
        if (owner != null) {
            Files.writeString(dir.resolve(PrivateDirectory.OWNER_FILE), owner);
        }
        return dir;
    }

    @Test
    void isPrivateNamesItsOwnerAndGoesOnClose() throws IOException {
        Path path;
        try (PrivateDirectory directory = PrivateDirectory.create()) {
            path = directory.path();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            assertEquals(ProcessIdentity.current().toString(),
                    Files.readString(path.resolve(PrivateDirectory.OWNER_FILE)));
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void removesOnlyTheDirectoriesWhoseOwnerIsGone() throws IOException {
        long bootTicksOfNoProcess = 1;
        Path dead = leftBehind("ipcbench-dead", "999999999 " + bootTicksOfNoProcess);
        // The same pid as this JVM but another start time: the pid was reused, the owner is gone.
        Path reused = leftBehind("ipcbench-reused", ProcessHandle.current().pid() + " 1");
        Path alive = leftBehind("ipcbench-alive", ProcessIdentity.current().toString());
        Path unknown = leftBehind("ipcbench-unknown", null);
        Path other = leftBehind("something-else", "999999999 1");

        List<Path> removed = PrivateDirectory.removeOrphans();

        assertEquals(List.of(dead, reused).stream().sorted().toList(), removed.stream().sorted().toList());
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(reused));
        assertTrue(Files.exists(alive), "a live run's directory stays");
        assertTrue(Files.exists(unknown), "a directory that names no owner is not ours to judge");
        assertTrue(Files.exists(other), "only ipcbench's directories are swept");
    }
}
