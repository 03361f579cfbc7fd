package io.ipcbench.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process as the kernel knows it: its pid and its start time in clock ticks since boot (field 22
 * of {@code /proc/PID/stat}). A pid alone is reused once its process is gone; the pair is not.
 *
 * @param pid       the process id
 * @param startTime start time in clock ticks since boot
 */
public record ProcessIdentity(long pid, long startTime) {

    /** This JVM. */
    public static ProcessIdentity current() throws IOException {
        long pid = ProcessHandle.current().pid();
        Long start = startTimeOf(pid);
        if (start == null) {
            throw new IOException("cannot read /proc/" + pid + "/stat");
        }
        return new ProcessIdentity(pid, start);
    }

    /** Reads "PID START", as {@link #toString()} writes it; null if it is not that. */
    public static ProcessIdentity parse(String text) {
        String[] parts = text.split(" ");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether this very process still runs: its pid exists and started when this one did. */
    public boolean isAlive() {
        Long start = startTimeOf(pid);
        return start != null && start == startTime;
    }

    /** Field 22 of /proc/PID/stat, or null when the process does not exist. */
    static Long startTimeOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count from its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[22 - 3]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return pid + " " + startTime;
    }
}
