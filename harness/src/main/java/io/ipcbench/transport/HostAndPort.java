package io.ipcbench.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** The "host:port" form in which TCP and UDP listeners advertise their address, for both engines. */
public final class HostAndPort {
    private HostAndPort() {
    }

    /** "127.0.0.1:40123" as an address. */
    public static InetSocketAddress parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, got '" + hostAndPort + "'");
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /**
     * An IPv4 address and port packed in a long, as the UDP peer's hello carries where it is: the
     * client cannot assume the peer is on its own address, since across a link it is not.
     */
    public static long pack(InetSocketAddress address) {
        byte[] host = address.getAddress().getAddress();
        if (host.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        return (Integer.toUnsignedLong(ByteBuffer.wrap(host).getInt()) << 16) | address.getPort();
    }

    /** What {@link #pack} packed. */
    public static InetSocketAddress unpack(long packed) {
        byte[] host = ByteBuffer.allocate(4).putInt(0, (int) (packed >>> 16)).array();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(host), (int) (packed & 0xFFFF));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + packed, e);
        }
    }

    /** The address as "host:port". */
    public static String format(String host, int port) {
        return host + ":" + port;
    }
}
