package io.ipcbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ipcbench.command.UserError;

/**
 * Checks up front that a many-connection cell will not run out of file descriptors half-way:
 * each side holds one descriptor per connection, plus what the JVM itself keeps open.
 */
final class OpenFileLimit {
    /** Descriptors a JVM keeps open on its own: jars, pipes, the epoll of its own I/O. */
    static final int JVM_OWN = 128;

    private OpenFileLimit() {
    }

    static void check(int connections) {
        long limit = softLimit();
        long needed = connections + JVM_OWN;
        if (limit > 0 && needed > limit) {
            throw new UserError(connections + " connections need about " + needed + " open files per process, "
                    + "and the limit here is " + limit + ": raise it first (ulimit -n " + Math.max(4096, needed * 2)
                    + ") or use fewer connections");
        }
    }

    /** The soft limit on open files of this process (the JVM has already raised it to the hard limit), or -1. */
    static long softLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                    return "unlimited".equals(fields[0]) ? Long.MAX_VALUE : Long.parseLong(fields[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unknown: let the run find out.
        }
        return -1;
    }
}
