package io.ipcbench.transport;

/** The transport implementation for each kind and engine. */
public final class Transports {
    private Transports() {
    }

    /** The {@link Engine#RAW} implementation of {@code kind}. */
    public static Transport of(TransportKind kind) {
        return switch (kind) {
            case PIPE -> new PipeTransport();
            case FIFO -> new FifoTransport();
            case TCP -> new TcpTransport();
            case UDP -> new UdpTransport();
            case UNIX_STREAM -> new UnixStreamTransport();
            case UNIX_DGRAM -> new UnixDatagramTransport();
            case UNIX_SEQPACKET -> new UnixSeqpacketTransport();
        };
    }

    public static Transport of(TransportKind kind, Engine engine) {
        return switch (engine) {
            case RAW -> of(kind);
            case JDK -> io.ipcbench.transport.jdk.JdkTransports.of(kind);
        };
    }
}
