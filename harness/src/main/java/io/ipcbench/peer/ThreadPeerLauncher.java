package io.ipcbench.peer;

import java.io.IOException;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;

/**
 * Runs the peer's echo on a thread of this JVM instead of a process: for testing the runner with
 * {@link io.ipcbench.transport.InMemoryTransport}, where there is no process to start.
 */
public final class ThreadPeerLauncher implements PeerLauncher {
    private final Function<TransportKind, Transport> transports;

    public ThreadPeerLauncher(Function<TransportKind, Transport> transports) {
        this.transports = transports;
    }

    @Override
    public PeerHandle launch(PeerSpec spec, boolean stdioChannel) {
        ThreadPeer peer = new ThreadPeer();
        Transport transport = transports.apply(spec.transport());
        peer.thread = new Thread(() -> {
            try (Connection connection = transport.connect(spec.address(), spec.options())) {
                peer.connection = connection;
                Echo.serve(connection, spec.options().messageSize(), TimeUnit.MICROSECONDS.toNanos(spec.delayMicros()));
                peer.exitCode = 0;
            } catch (IOException | RuntimeException e) {
                peer.lastWords = e.toString();
                peer.exitCode = 1;
            }
        }, "ipcbench-peer-thread");
        peer.thread.setDaemon(true);
        peer.thread.start();
        return peer;
    }

    private static final class ThreadPeer implements PeerHandle {
        volatile Thread thread;
        volatile Connection connection;
        volatile int exitCode = -1;
        volatile String lastWords = "";

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public boolean isAlive() {
            return thread.isAlive();
        }

        @Override
        public OptionalInt exitCode() {
            return thread.isAlive() ? OptionalInt.empty() : OptionalInt.of(exitCode);
        }

        @Override
        public String lastWords() {
            return lastWords;
        }

        @Override
        public void requestStop() {
            kill();
        }

        @Override
        public void kill() {
            Connection open = connection;
            if (open != null) {
                open.close();
            }
            thread.interrupt();
        }

        @Override
        public void close() {
            kill();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
