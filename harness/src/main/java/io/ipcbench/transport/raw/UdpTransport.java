package io.ipcbench.transport.raw;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.ipcbench.os.Native;
import io.ipcbench.os.Sockets;
import io.ipcbench.os.Sockets.SocketAddressBuffer;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/** UDP over IPv4, by default on 127.0.0.1; a datagram not answered in time counts as lost. */
public final class UdpTransport implements Transport {
    @Override
    public TransportKind kind() {
        return TransportKind.UDP;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        int fd = Sockets.socket(Native.AF_INET, Native.SOCK_DGRAM);
        try {
            SocketListener.applyBufferSizes(fd, options);
            Sockets.bind(fd, SocketAddressBuffer.inet(new InetSocketAddress(options.bindHost(), 0)));
            // The peer's hello says where it is: on this host, or across a link.
            return new DatagramListener(fd, HostAndPort.format(options.bindHost(), Sockets.localPort(fd)), options, null,
                    detail -> SocketAddressBuffer.inet(HostAndPort.unpack(detail)));
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        InetSocketAddress client = HostAndPort.parse(address);
        int fd = Sockets.socket(Native.AF_INET, Native.SOCK_DGRAM);
        try {
            SocketListener.applyBufferSizes(fd, options);
            // connect() binds a port on the address the route to the client leaves from: this host's, or a link's.
            Sockets.connect(fd, SocketAddressBuffer.inet(client));
            Connection connection = new FdDatagramConnection(fd, false);
            Hello.send(connection, options.secret(), HostAndPort.pack(Sockets.localAddress(fd)));
            return connection;
        } catch (IOException | RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
    }
}
