package io.ipcbench.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ipcbench.transport.Closer;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Secret;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * What a peer process is told: which transport, where the client is, how to frame messages,
 * where to run and how long to dawdle. {@link #toArguments()} and {@link PeerMain}'s options are
 * two views of this one record; a test keeps them in step. The session's {@link Secret}, in the
 * options, is the one thing not on the command line, which every user can read: the launcher
 * hands it over in the peer's environment.
 *
 * @param cpu          CPU to pin the echo thread to, or null to leave it to the scheduler
 * @param delayMicros  busy-wait before each echo, to inject a known slowdown (for testing the gate)
 * @param role         what the peer does: echo (the default), a throughput source, or a probe's part
 * @param connections  how many connections the peer makes to the client
 * @param count        a source sends this many messages and stops (0: until told to stop)
 * @param closer       in a connect cell, which side closes each connection first
 * @param linger0      in a connect cell, whether the side that closes first resets (SO_LINGER 0)
 */
public record PeerSpec(TransportKind transport, Engine engine, String address, TransportOptions options, Integer cpu,
                       long delayMicros, PeerRole role, int connections, long count, Closer closer, boolean linger0) {
    /** Separates the addresses of several datagram sockets, one per connection. */
    public static final String ADDRESS_SEPARATOR = ";";

    /** A peer whose connections, if it dials any, close as most clients close them: the client first. */
    public PeerSpec(TransportKind transport, Engine engine, String address, TransportOptions options, Integer cpu,
                    long delayMicros, PeerRole role, int connections, long count) {
        this(transport, engine, address, options, cpu, delayMicros, role, connections, count, Closer.CLIENT, false);
    }

    /** An echoing peer on one connection. */
    public PeerSpec(TransportKind transport, Engine engine, String address, TransportOptions options, Integer cpu,
                    long delayMicros) {
        this(transport, engine, address, options, cpu, delayMicros, PeerRole.ECHO, 1, 0);
    }

    /** A peer in the given role on one connection. */
    public PeerSpec(TransportKind transport, Engine engine, String address, TransportOptions options, Integer cpu,
                    long delayMicros, PeerRole role) {
        this(transport, engine, address, options, cpu, delayMicros, role, 1, 0);
    }

    /** A peer in the given role over several connections. */
    public PeerSpec(TransportKind transport, Engine engine, String address, TransportOptions options, Integer cpu,
                    long delayMicros, PeerRole role, int connections) {
        this(transport, engine, address, options, cpu, delayMicros, role, connections, 0);
    }

    /**
     * Where connection {@code index} goes: its own address when one is given per connection
     * (datagram sockets), else the one address every connection shares (a listening socket).
     */
    public String addressOf(int index) {
        String[] addresses = address.split(ADDRESS_SEPARATOR);
        return addresses.length == 1 ? addresses[0] : addresses[index];
    }

    public List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--transport", transport.label(),
                "--engine", engine.label(),
                "--address", address,
                "--size", Integer.toString(options.messageSize()),
                "--private-dir", options.privateDirectory().toString(),
                "--bind", options.bindHost(),
                "--connect-timeout-ms", Long.toString(options.connectTimeout().toMillis()),
                "--sndbuf", Integer.toString(options.sendBufferBytes()),
                "--rcvbuf", Integer.toString(options.receiveBufferBytes()),
                "--delay-us", Long.toString(delayMicros)));
        if (!options.tcpNoDelay()) {
            arguments.add("--no-tcp-nodelay");
        }
        if (count != 0) {
            arguments.addAll(List.of("--count", Long.toString(count)));
        }
        if (connections != 1) {
            arguments.addAll(List.of("--connections", Integer.toString(connections)));
        }
        if (role != PeerRole.ECHO) {
            arguments.addAll(List.of("--role", role.label()));
        }
        if (cpu != null) {
            arguments.addAll(List.of("--cpu", cpu.toString()));
        }
        if (closer != Closer.CLIENT) {
            arguments.addAll(List.of("--closer", closer.label()));
        }
        if (linger0) {
            arguments.add("--linger0");
        }
        return arguments;
    }

    static TransportOptions options(Path privateDirectory, int size, boolean tcpNoDelay, String bindHost,
                                    long connectTimeoutMillis, int sendBufferBytes, int receiveBufferBytes,
                                    Secret secret) {
        return new TransportOptions(privateDirectory, size, tcpNoDelay, bindHost,
                Duration.ofMillis(connectTimeoutMillis), TransportOptions.DEFAULT_RECEIVE_TIMEOUT, sendBufferBytes,
                receiveBufferBytes, secret);
    }
}
