package io.ipcbench.transport.jdk;

import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;

/** The {@link Engine#JDK} implementation of each transport kind that has one (see {@code TransportKind.engines()}). */
public final class JdkTransports {
    private JdkTransports() {
    }

    public static Transport of(TransportKind kind) {
        return switch (kind) {
            case PIPE -> new JdkPipeTransport();
            case FIFO -> new JdkFifoTransport();
            case TCP -> new JdkTcpTransport();
            case UDP -> new JdkUdpTransport();
            case UNIX_STREAM -> new JdkUnixStreamTransport();
            case UNIX_DGRAM -> new JdkUnixDatagramTransport();
            case UNIX_SEQPACKET -> new JdkUnixSeqpacketTransport();
            case SHM -> throw new UnsupportedOperationException(kind.whyNotOn(Engine.JDK));
        };
    }
}
