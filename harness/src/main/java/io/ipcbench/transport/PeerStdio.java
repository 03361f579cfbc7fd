package io.ipcbench.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds this process's ends of the pipes that are a child's standard streams. The JDK hides them
 * behind {@code Process}'s streams; {@code /proc/PEER/fd/0} and {@code /proc/self/fd/N} name the
 * same {@code pipe:[inode]}, which is how both engines find them without reflection.
 */
public final class PeerStdio {
    private PeerStdio() {
    }

    /** The {@code /proc/self/fd/N} link of this process's end of the pipe that is the peer's {@code peerFd}. */
    public static Path ownEnd(long peerPid, int peerFd) throws IOException {
        Path peerLink = Path.of("/proc", Long.toString(peerPid), "fd", Integer.toString(peerFd));
        String target = Files.readSymbolicLink(peerLink).toString();
        if (!target.startsWith("pipe:")) {
            throw new IOException("the peer's fd " + peerFd + " is " + target + ", not a pipe");
        }
        try (DirectoryStream<Path> own = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path link : own) {
                try {
                    if (Files.readSymbolicLink(link).toString().equals(target)) {
                        return link;
                    }
                } catch (IOException e) {
                    // The directory stream's own descriptor, closed by now: not ours to match.
                }
            }
        }
        throw new IOException("found no end of " + target + " (the peer's fd " + peerFd + ") in this process");
    }
}
