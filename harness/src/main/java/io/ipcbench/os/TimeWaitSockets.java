package io.ipcbench.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts TCP sockets in TIME_WAIT from the kernel's tables, {@code /proc/PID/net/tcp} and
 * {@code tcp6}: those of the network namespace process PID is in. A connection's first closer keeps
 * it in TIME_WAIT for a minute; on the side that dialled, each one holds a local port.
 */
public final class TimeWaitSockets {
    /** The state column's value for TIME_WAIT (include/net/tcp_states.h). */
    private static final String TIME_WAIT = "06";

    private TimeWaitSockets() {
    }

    /**
     * Sockets in TIME_WAIT in the namespace of process {@code pid} whose own port ({@code local}) or
     * whose other end's port is {@code port}.
     */
    public static int count(long pid, int port, boolean local) throws IOException {
        int count = 0;
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            } catch (NoSuchFileException noIpv6) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                // sl local_address rem_address st ...: addresses as HEXADDRESS:HEXPORT
                String[] fields = line.trim().split("\\s+");
                String address = fields[local ? 1 : 2];
                if (TIME_WAIT.equals(fields[3])
                        && Integer.parseInt(address.substring(address.indexOf(':') + 1), 16) == port) {
                    count++;
                }
            }
        }
        return count;
    }
}
