package io.ipcbench.transport.raw;

import io.ipcbench.os.Native;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Dialing;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * A Unix domain seqpacket socket: connection-oriented like a stream, reliable and ordered, yet
 * each send arrives as one message, like a datagram.
 */
public final class UnixSeqpacketTransport implements Transport {
    private final UnixStreamTransport delegate =
            new UnixStreamTransport(TransportKind.UNIX_SEQPACKET, Native.SOCK_SEQPACKET);

    @Override
    public TransportKind kind() {
        return TransportKind.UNIX_SEQPACKET;
    }

    @Override
    public Listener listen(TransportOptions options) throws java.io.IOException {
        return delegate.listen(options);
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws java.io.IOException {
        return delegate.connect(address, options);
    }

    @Override
    public Dialing dialing() {
        return delegate.dialing();
    }
}
