package io.ipcbench.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import io.ipcbench.os.Cleanup;
import io.ipcbench.transport.shm.ShmTransport;

/**
 * Starts the peer as a child JVM with this JVM's class path. Its error stream (and its output,
 * unless that is the data channel) goes to {@code peer.log} in the cell's private directory, never
 * to this process's streams: a child that shares our stdout would keep a pipe open after we die.
 *
 * <p>The peer's message buffers are direct, outside its small heap: its direct memory limit is
 * sized for its cell (a buffer per connection), so that 1,024 connections at 1 MiB fit.
 */
public final class ProcessPeerLauncher implements PeerLauncher {
    /**
     * A small heap and the serial collector: the peer allocates nothing once it runs; and what the
     * shm transport needs of the JVM.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            ShmTransport.JVM_FLAG);
    /** Direct memory the peer may use besides its message buffers: what its heap limit allowed it in all. */
    static final long OWN_DIRECT_BYTES = 256L << 20;
    private static final long GRACE_MILLIS = 2_000;

    private final List<String> jvmOptions;

    public ProcessPeerLauncher() {
        this(DEFAULT_JVM_OPTIONS);
    }

    public ProcessPeerLauncher(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public List<String> jvmFlags() {
        return jvmOptions;
    }

    /** The command that starts a peer for {@code spec}. */
    public List<String> command(PeerSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:MaxDirectMemorySize="
                + (PeerMain.bufferBytes(spec.role(), spec.connections(), spec.options().messageSize()) + OWN_DIRECT_BYTES));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PeerMain.class.getName());
        command.addAll(spec.toArguments());
        return command;
    }

    @Override
    public PeerHandle launch(PeerSpec spec, boolean stdioChannel) throws IOException {
        Path log = spec.options().privateDirectory().resolve("peer.log");
        ProcessBuilder builder = new ProcessBuilder(command(spec))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectOutput(stdioChannel ? ProcessBuilder.Redirect.PIPE
                                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        return new ProcessPeer(process, log);
    }

    private static final class ProcessPeer implements PeerHandle {
        private final Process process;
        private final Path log;
        private final Runnable unregister;

        ProcessPeer(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.unregister = Cleanup.register(this::killTree);
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public OptionalInt exitCode() {
            return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
        }

        @Override
        public String lastWords() {
            try {
                List<String> lines = Files.readAllLines(log);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!lines.get(i).isBlank()) {
                        return lines.get(i).trim();
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // No log yet, or unreadable: nothing to say.
            }
            return "";
        }

        @Override
        public void requestStop() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                killTree();
            }
        }

        @Override
        public void kill() {
            killTree();
        }

        private void killTree() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            try {
                // End of standard input tells the peer to stop (and gives EOF on the pipe transport).
                process.getOutputStream().close();
                if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    killTree();
                    process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (IOException e) {
                killTree();
            } catch (InterruptedException e) {
                killTree();
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(process);
                unregister.run();
            }
        }

        private static void closeQuietly(Process process) {
            try {
                process.getInputStream().close();
                process.getErrorStream().close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }
}
