package io.ipcbench.transport;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.ipcbench.os.KernelSettings;

/**
 * The seven transports, under the names used everywhere: command line, file names and JSON.
 */
public enum TransportKind {
    PIPE("pipe", false, false),
    FIFO("fifo", false, false),
    TCP("tcp", false, false),
    UDP("udp", true, true),
    UNIX_STREAM("unix-stream", false, false),
    UNIX_DGRAM("unix-dgram", true, false),
    UNIX_SEQPACKET("unix-seqpacket", true, false);

    /** Largest UDP payload over IPv4: 65,535 less the 20-byte IP and 8-byte UDP headers. */
    public static final int UDP_MAX_PAYLOAD = 65_507;
    /** The kernel refuses a Unix datagram longer than the send buffer less this much (af_unix.c). */
    static final int UNIX_DATAGRAM_OVERHEAD = 32;

    private final String label;
    private final boolean preservesBoundaries;
    private final boolean mayDropMessages;

    TransportKind(String label, boolean preservesBoundaries, boolean mayDropMessages) {
        this.label = label;
        this.preservesBoundaries = preservesBoundaries;
        this.mayDropMessages = mayDropMessages;
    }

    /** The name used on the command line, in file names and in JSON. */
    public String label() {
        return label;
    }

    /** Datagram and seqpacket sockets deliver each send as one read; streams and pipes do not. */
    public boolean preservesBoundaries() {
        return preservesBoundaries;
    }

    /** Whether a message may vanish on the way (UDP drops when the receiver falls behind). */
    public boolean mayDropMessages() {
        return mayDropMessages;
    }

    /**
     * Largest message this transport carries in one piece on this kernel, or
     * {@link Integer#MAX_VALUE} for byte streams, which carry any size.
     */
    public int maxMessageSize() {
        return maxMessageSize(KernelSettings.read().wmemDefault());
    }

    /**
     * Largest message this transport carries in one piece from a socket whose send buffer the
     * kernel granted {@code sendBufferBytes} (SO_SNDBUF as read back): a Unix datagram must fit it.
     */
    public int maxMessageSize(int sendBufferBytes) {
        return switch (this) {
            case UDP -> UDP_MAX_PAYLOAD;
            case UNIX_DGRAM, UNIX_SEQPACKET -> sendBufferBytes - UNIX_DATAGRAM_OVERHEAD;
            default -> Integer.MAX_VALUE;
        };
    }

    public static TransportKind fromLabel(String label) {
        for (TransportKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + label + "' (known: " + labels() + ")");
    }

    public static String labels() {
        return Arrays.stream(values()).map(TransportKind::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
