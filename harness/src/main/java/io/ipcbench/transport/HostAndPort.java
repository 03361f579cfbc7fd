package io.ipcbench.transport;

import java.net.InetSocketAddress;

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

    /** The address as "host:port". */
    public static String format(String host, int port) {
        return host + ":" + port;
    }
}
