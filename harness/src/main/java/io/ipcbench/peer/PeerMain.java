package io.ipcbench.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.CpuAffinity;
import io.ipcbench.transport.Connection;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.Transport;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Transports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The peer process: connects to the client over one transport and plays its role (echo, the
 * source of a throughput cell, or a probe's part) until the client closes the channel or, for a
 * source, tells it to stop. It never outlives the client: it exits when its parent exits, and
 * (unless its standard input is the data channel) when its standard input reaches end-of-file.
 *
 * <p>It writes nothing to standard output, which is the data channel of the pipe transport;
 * diagnostics go to standard error, which the launcher sends to a log file.
 */
@Command(name = "ipcbench-peer", description = "Peer started by ipcbench; not meant to be run by hand.")
public final class PeerMain implements Callable<Integer> {
    static final int EXIT_PARENT_GONE = 3;

    @Option(names = "--transport", required = true) String transport;
    @Option(names = "--engine", defaultValue = "raw") String engine;
    @Option(names = "--address", required = true) String address;
    @Option(names = "--size", required = true) int size;
    @Option(names = "--private-dir", required = true) Path privateDirectory;
    @Option(names = "--bind", defaultValue = "127.0.0.1") String bindHost;
    @Option(names = "--connect-timeout-ms", defaultValue = "5000") long connectTimeoutMillis;
    @Option(names = "--sndbuf", defaultValue = "0") int sendBufferBytes;
    @Option(names = "--rcvbuf", defaultValue = "0") int receiveBufferBytes;
    @Option(names = "--delay-us", defaultValue = "0") long delayMicros;
    @Option(names = "--no-tcp-nodelay") boolean noTcpNoDelay;
    @Option(names = "--cpu") Integer cpu;
    @Option(names = "--role", defaultValue = "echo") String role;
    @Option(names = "--connections", defaultValue = "1") int connections;
    @Option(names = "--count", defaultValue = "0") long count;

    /** Where a source peer leaves what it sent, for the client to read once the peer has gone. */
    public static final String SOURCE_REPORT = "source-report";

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new PeerMain());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("ipcbench-peer: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    /**
     * What the message buffers of a peer in {@code role} over {@code connections} connections take,
     * at {@code size} bytes a message: they are direct, and the launcher sizes the peer JVM's direct
     * memory limit by this.
     */
    public static long bufferBytes(PeerRole role, int connections, int size) {
        return switch (role) {
            case SPLIT_READS -> SplitReads.bufferBytes(size);
            case SOURCE -> Source.bufferBytes(connections, size);
            case ECHO -> connections == 1 ? Echo.bufferBytes(size) : PollEcho.bufferBytes(connections, size);
        };
    }

    /** The spec this command line describes; {@link PeerSpec#toArguments()} is its inverse. */
    PeerSpec spec() {
        return new PeerSpec(TransportKind.fromLabel(transport), Engine.fromLabel(engine), address,
                PeerSpec.options(privateDirectory, size, !noTcpNoDelay, bindHost, connectTimeoutMillis,
                        sendBufferBytes, receiveBufferBytes), cpu, delayMicros, PeerRole.fromLabel(role), connections, count);
    }

    @Override
    public Integer call() throws IOException {
        PeerSpec spec = spec();
        Transport transport = Transports.of(spec.transport(), spec.engine());
        dieWithParent();
        AtomicBoolean stop = new AtomicBoolean();
        if (spec.role() == PeerRole.SOURCE) {
            // A source must stop cleanly, to report what it sent; standard input carries no data here.
            watchStandardInput(() -> stop.set(true));
        } else if (!transport.usesPeerStdio()) {
            watchStandardInput(() -> Runtime.getRuntime().halt(0));
        }
        if (spec.cpu() != null) {
            CpuAffinity.pinCurrentThread(spec.cpu());
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < spec.connections(); i++) {
                connections.add(transport.connect(spec.addressOf(i), spec.options()));
            }
            int size = spec.options().messageSize();
            long delayNanos = TimeUnit.MICROSECONDS.toNanos(spec.delayMicros());
            switch (spec.role()) {
                case SPLIT_READS -> SplitReads.serve(connections.get(0), size);
                case SOURCE -> report(spec, Source.serveAll(connections, size, stop::get, spec.count()));
                case ECHO -> {
                    if (connections.size() == 1) {
                        Echo.serve(connections.get(0), size, delayNanos);
                    } else {
                        PollEcho.serve(connections, size, spec.transport().preservesBoundaries(), delayNanos);
                    }
                }
            }
        } finally {
            connections.forEach(Connection::close);
        }
        return 0;
    }

    /** Writes what a source sent, a line per connection, where the client looks for it, whole or not at all. */
    private static void report(PeerSpec spec, List<Source.Sent> sent) throws IOException {
        Path target = spec.options().privateDirectory().resolve(SOURCE_REPORT);
        Path temporary = target.resolveSibling(SOURCE_REPORT + ".tmp");
        StringBuilder lines = new StringBuilder();
        for (Source.Sent connection : sent) {
            lines.append(connection.messages()).append(' ').append(connection.bytes()).append('\n');
        }
        Files.writeString(temporary, lines);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A child JVM is not killed with its parent: watch the parent and leave with it. */
    private static void dieWithParent() {
        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(EXIT_PARENT_GONE)),
                () -> Runtime.getRuntime().halt(EXIT_PARENT_GONE));
    }

    /** The client closes our standard input to say "stop"; it also closes when the client dies. */
    private static void watchStandardInput(Runnable atEnd) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // Nothing is ever sent; wait for end-of-file.
                }
            } catch (IOException ignored) {
                // Treated as end-of-file.
            }
            atEnd.run();
        }, "stdin-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }
}
