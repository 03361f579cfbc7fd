package io.ipcbench.transport.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Hello;
import io.ipcbench.transport.HostAndPort;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.MessageBuffer;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * UDP through JDK {@link DatagramChannel}s. The client binds and advertises its port; the peer
 * binds its own, connects, and says hello, and the client connects to where the hello came from
 * (the hello also carries the peer's port, as the raw engine's does). Both channels are then
 * connected, so that plain {@code read} and {@code write} serve and the kernel filters out
 * anything else.
 *
 * <p>The client must give up on a reply after the receive timeout, which a blocking channel cannot
 * do: see {@link SelectingDatagramConnection} for how and what it costs. The peer waits for the
 * client without a time limit, on a plain blocking channel.
 */
final class JdkUdpTransport implements Transport {
    @Override
    public TransportKind kind() {
        return TransportKind.UDP;
    }

    @Override
    public Listener listen(TransportOptions options) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            SocketOptions.applyBufferSizes(channel, options);
            channel.bind(new InetSocketAddress(options.bindHost(), 0));
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            return new UdpListener(channel, HostAndPort.format(options.bindHost(), port), options);
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public Connection connect(String address, TransportOptions options) throws IOException {
        InetSocketAddress client = HostAndPort.parse(address);
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            SocketOptions.applyBufferSizes(channel, options);
            // connect() binds a port on the address the route to the client leaves from: this host's, or a link's.
            channel.connect(client);
            Connection connection = ChannelDatagramConnection.datagrams(channel);
            Hello.send(connection, options.secret(), HostAndPort.pack((InetSocketAddress) channel.getLocalAddress()));
            return connection;
        } catch (IOException | RuntimeException e) {
            Deadline.closeQuietly(channel);
            throw e;
        }
    }

    /** The client's bound channel, until the peer's hello says where the peer is. */
    private static final class UdpListener implements Listener {
        private final DatagramChannel channel;
        private final String address;
        private final TransportOptions options;
        private boolean handedOver;
        private int strangers;

        UdpListener(DatagramChannel channel, String address, TransportOptions options) {
            this.channel = channel;
            this.address = address;
            this.options = options;
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Connection accept(long peerPid) throws IOException {
            if (handedOver) {
                throw new IllegalStateException("a datagram listener serves one peer socket");
            }
            SocketAddress peer = awaitHello();
            channel.connect(peer);
            Connection connection = new SelectingDatagramConnection(channel, options.receiveTimeout());
            handedOver = true;
            return connection;
        }

        /**
         * Waits for the hello on the unconnected channel, and returns where it came from; a datagram
         * that is not the peer's hello, from anyone, is dropped and counted, and the wait goes on.
         */
        private SocketAddress awaitHello() throws IOException {
            ByteBuffer buffer = MessageBuffer.forReceiving(Hello.LENGTH).buffer();
            long deadline = System.nanoTime() + options.connectTimeout().toNanos();
            channel.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_READ);
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException("no " + Hello.AWAITED + " within "
                                + options.connectTimeout().toMillis() + " ms"
                                + (strangers > 0 ? " (" + strangers + " strangers' datagrams dropped)" : ""));
                    }
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    selector.selectedKeys().clear();
                    SocketAddress sender = channel.receive(buffer.clear());
                    if (sender == null) {
                        continue;
                    }
                    try {
                        Hello.check(buffer, buffer.position(), options.secret());
                        return sender;
                    } catch (Hello.StrangerException stranger) {
                        strangers++;
                    }
                }
            }
        }

        @Override
        public int strangers() {
            return strangers;
        }

        @Override
        public void close() {
            if (!handedOver) {
                Deadline.closeQuietly(channel);
            }
        }
    }
}
