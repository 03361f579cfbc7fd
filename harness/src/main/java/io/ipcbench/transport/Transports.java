package io.ipcbench.transport;

/** The transport implementation for each kind. */
public final class Transports {
    private Transports() {
    }

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
}
