package io.ipcbench.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a transport needs to know to set up a connection, on either side.
 *
 * @param privateDirectory  a 0700 directory for socket files and FIFOs, removed after the cell
 * @param messageSize       bytes per message (the peer needs it to frame byte streams)
 * @param tcpNoDelay        TCP_NODELAY on TCP sockets
 * @param bindHost          address the TCP and UDP listeners bind to
 * @param connectTimeout    how long to wait for the peer to connect and say hello
 * @param receiveTimeout    a datagram not answered within this is counted as lost
 * @param sendBufferBytes    SO_SNDBUF to ask for, or 0 for the kernel's default
 * @param receiveBufferBytes SO_RCVBUF to ask for, or 0 for the kernel's default
 * @param variant           which of its kind's {@link Variants} to run (the client's side chooses; a
 *                          transport that has some tells its peer over the channel); null for the default
 */
public record TransportOptions(Path privateDirectory, int messageSize, boolean tcpNoDelay, String bindHost,
                               Duration connectTimeout, Duration receiveTimeout, int sendBufferBytes,
                               int receiveBufferBytes, String variant) {
    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    /** Listen backlog: room for the connection sweeps' many connections arriving at once. */
    public static final int LISTEN_BACKLOG = 4096;
    /** A peer JVM starts in well under a second, but a loaded box can take several. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofMillis(200);

    /** Options for the default variant. */
    public TransportOptions(Path privateDirectory, int messageSize, boolean tcpNoDelay, String bindHost,
                            Duration connectTimeout, Duration receiveTimeout, int sendBufferBytes,
                            int receiveBufferBytes) {
        this(privateDirectory, messageSize, tcpNoDelay, bindHost, connectTimeout, receiveTimeout, sendBufferBytes,
                receiveBufferBytes, null);
    }

    /** Defaults for a given directory and message size: loopback, TCP_NODELAY on. */
    public static TransportOptions defaults(Path privateDirectory, int messageSize) {
        return new TransportOptions(privateDirectory, messageSize, true, DEFAULT_BIND_HOST,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_RECEIVE_TIMEOUT, 0, 0);
    }
}
