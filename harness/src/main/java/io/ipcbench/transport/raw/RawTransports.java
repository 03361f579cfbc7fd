package io.ipcbench.transport.raw;

import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.shm.ShmTransport;

/** The {@link Engine#RAW} implementation of each transport kind (shm's lives in {@code transport/shm/}). */
public final class RawTransports {
    private RawTransports() {
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
            case SHM -> new ShmTransport();
        };
    }
}
