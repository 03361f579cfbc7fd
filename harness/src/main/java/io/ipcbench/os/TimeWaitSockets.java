package io.ipcbench.os;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
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
     * Sockets in TIME_WAIT in the namespace of process {@code pid} whose own address ({@code local})
     * or whose other end's address is {@code endpoint}, address and port.
     */
    public static int count(long pid, InetSocketAddress endpoint, boolean local) throws IOException {
        int count = 0;
        for (String table : List.of("tcp", "tcp6")) {
            try {
                count += count(Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table)), endpoint, local);
            } catch (NoSuchFileException noIpv6) {
                // a kernel without IPv6 has no tcp6 table
            }
        }
        return count;
    }

    /** The same over the lines of one table, its heading line first. */
    static int count(List<String> table, InetSocketAddress endpoint, boolean local) {
        int count = 0;
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            // sl local_address rem_address st ...: addresses as HEXADDRESS:HEXPORT
            String[] fields = line.trim().split("\\s+");
            if (TIME_WAIT.equals(fields[3]) && endpoint.equals(address(fields[local ? 1 : 2]))) {
                count++;
            }
        }
        return count;
    }

    /**
     * An address as the tables print it: the address as 32-bit words (one for IPv4, four for IPv6),
     * each in the machine's byte order, then the port, all in hex. An IPv4 address mapped into IPv6
     * reads as the IPv4 address, as Java's own addresses do.
     */
    static InetSocketAddress address(String hex) {
        int colon = hex.indexOf(':');
        byte[] bytes = new byte[colon / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            int value = Integer.parseUnsignedInt(hex.substring(word * 8, word * 8 + 8), 16);
            if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
                value = Integer.reverseBytes(value);
            }
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) (value >>> (24 - 8 * b));
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes),
                    Integer.parseInt(hex.substring(colon + 1), 16));
        } catch (UnknownHostException notFourOrSixteenBytes) {
            throw new IllegalArgumentException("not an address of /proc/net/tcp: " + hex, notFourOrSixteenBytes);
        }
    }
}
