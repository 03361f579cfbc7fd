package io.ipcbench.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Listener;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.TransportOptions;

/**
 * A peer and the connections to it, set up the one way the runner, the claim probes and the JMH
 * benchmarks all need: a fresh private directory (socket files, FIFOs, the peer's log), the
 * transport's listeners, the peer started by a {@link PeerLauncher}, and its connections accepted,
 * each after the peer's hello. Closing it undoes that in order: the connections first (on the pipe
 * transport the peer sees end-of-file only once this side's copy of its standard input is closed),
 * then the peer, then the listeners, then the directory.
 *
 * <pre>
 *   PeerSession.with(transport, engine, directory -&gt; options).role(PeerRole.SOURCE).connections(4).open(launcher)
 * </pre>
 */
public final class PeerSession implements AutoCloseable {
    /** A dead peer shows first as end-of-file or a reset; its exit is given this long to be seen. */
    private static final long PEER_EXIT_WAIT_MILLIS = 500;

    private final PrivateDirectory directory;
    private final List<Listener> listeners;
    private final PeerHandle peer;
    private final List<Connection> connections;

    private PeerSession(PrivateDirectory directory, List<Listener> listeners, PeerHandle peer,
                        List<Connection> connections) {
        this.directory = directory;
        this.listeners = listeners;
        this.peer = peer;
        this.connections = connections;
    }

    /**
     * A session over {@code transport}, driven by {@code engine}, whose options are made for its
     * private directory once that exists; by default the peer echoes on one connection, unpinned.
     */
    public static Builder with(Transport transport, Engine engine, Function<Path, TransportOptions> options) {
        return new Builder(transport, engine, options);
    }

    /** Every connection, in the order the peer made them. */
    public List<Connection> connections() {
        return connections;
    }

    /** The first connection: the only one of a one-connection session. */
    public Connection connection() {
        return connections.get(0);
    }

    public PeerHandle peer() {
        return peer;
    }

    /** The private directory: socket files, FIFOs, the peer's log and what a source peer reports. */
    public Path directory() {
        return directory.path();
    }

    /**
     * Why an operation failed, in words: the watchdog's verdict when it stepped in, else the peer's
     * exit code and last words when the peer has died, else the failure itself.
     *
     * @param watchdogVerdict what the peer's watchdog said, or null if it said nothing
     */
    public String explain(Exception failure, String watchdogVerdict) {
        return watchdogVerdict != null ? watchdogVerdict : explain(failure, peer);
    }

    /** The failure's message, or its kind when it has none. */
    public static String describe(Exception failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String explain(Exception failure, PeerHandle peer) {
        long waitUntil = System.nanoTime() + PEER_EXIT_WAIT_MILLIS * 1_000_000L;
        while (failure instanceof IOException && peer.isAlive() && System.nanoTime() - waitUntil < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (peer.isAlive()) {
            return describe(failure);
        }
        String words = peer.lastWords();
        return "the peer exited with code " + peer.exitCode().orElse(-1)
                + (words.isEmpty() ? "" : " (it said: " + words + ")") + " [" + describe(failure) + "]";
    }

    @Override
    public void close() {
        closeAll(connections, peer, listeners, directory);
    }

    private static void closeAll(List<Connection> connections, PeerHandle peer, List<Listener> listeners,
                                 PrivateDirectory directory) {
        try {
            connections.forEach(Connection::close);
        } finally {
            try {
                if (peer != null) {
                    peer.close();
                }
            } finally {
                try {
                    listeners.forEach(Listener::close);
                } finally {
                    directory.close();
                }
            }
        }
    }

    /** What the peer is told besides where to find this side: everything else in its {@link PeerSpec}. */
    public static final class Builder {
        private final Transport transport;
        private final Engine engine;
        private final Function<Path, TransportOptions> options;
        private Integer cpu;
        private long delayMicros;
        private PeerRole role = PeerRole.ECHO;
        private int connections = 1;
        private long count;

        private Builder(Transport transport, Engine engine, Function<Path, TransportOptions> options) {
            this.transport = transport;
            this.engine = engine;
            this.options = options;
        }

        /** The CPU the peer's working thread is pinned to; null leaves it to the scheduler. */
        public Builder cpu(Integer value) {
            cpu = value;
            return this;
        }

        /** A busy wait before each echo: a known slowdown, for testing the gate. */
        public Builder delayMicros(long value) {
            delayMicros = value;
            return this;
        }

        public Builder role(PeerRole value) {
            role = value;
            return this;
        }

        public Builder connections(int value) {
            connections = value;
            return this;
        }

        /** A source sends this many messages and stops (0: until told to stop). */
        public Builder count(long value) {
            count = value;
            return this;
        }

        /**
         * Makes the directory and listeners, starts the peer and accepts its connections. A failure
         * once the peer runs is explained by the peer's fate ({@link #explain}); whatever fails,
         * nothing made so far is left behind.
         */
        public PeerSession open(PeerLauncher launcher) throws IOException {
            PrivateDirectory directory = PrivateDirectory.create();
            List<Listener> listeners = new ArrayList<>();
            List<Connection> accepted = new ArrayList<>();
            PeerHandle peer = null;
            try {
                TransportOptions made = options.apply(directory.path());
                TransportKind kind = transport.kind();
                // Datagram sockets pair up one to one: a listener per connection. A listening socket takes them all.
                int listenerCount = kind.connectionless() ? connections : 1;
                for (int i = 0; i < listenerCount; i++) {
                    listeners.add(transport.listen(made));
                }
                String address = String.join(PeerSpec.ADDRESS_SEPARATOR,
                        listeners.stream().map(Listener::address).toList());
                peer = launcher.launch(new PeerSpec(kind, engine, address, made, cpu, delayMicros, role, connections,
                        count), transport.usesPeerStdio());
                try {
                    for (int i = 0; i < connections; i++) {
                        accepted.add(listeners.get(Math.min(i, listenerCount - 1)).accept(peer.pid()));
                    }
                } catch (IOException | RuntimeException e) {
                    throw new IOException(explain(e, peer), e);
                }
                return new PeerSession(directory, listeners, peer, List.copyOf(accepted));
            } catch (IOException | RuntimeException | Error e) {
                closeAll(accepted, peer, listeners, directory);
                throw e;
            }
        }
    }
}
