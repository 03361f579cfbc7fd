package io.ipcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.Stream;

import io.ipcbench.command.ExitCode;
import io.ipcbench.os.CpuAffinity;

/**
 * One small real run folder for the tests of this JVM, made on first use with the real peer and
 * judged by {@code ipcbench claims}: tcp, 64 B, latency and throughput, three repetitions (the
 * exports' intervals need three), pinned to the first two CPUs. Six peers, a few seconds; tests only
 * read it. Removed when the JVM exits. A stream transport, because on a box busy with other work a
 * short UDP flood can lose every datagram and fail its cell; the synthetic runs cover datagrams.
 */
public final class SmallRun {
    public static final String TRANSPORT = "tcp";
    public static final int REPETITIONS = 3;
    private static Path folder;

    private SmallRun() {
    }

    /** The run folder, made on the first call. */
    public static synchronized Path folder() {
        if (folder == null) {
            folder = make();
        }
        return folder;
    }

    /** "0,1", or "0,0" on a one-CPU box. */
    /** The key of the run's latency cell, e.g. {@code tcp/raw/64B/1c/latency}. */
    public static final String LATENCY_KEY = TRANSPORT + "/raw/64B/1c/latency";

    public static String pin() {
        BitSet cpus = CpuAffinity.allowedCpus();
        int first = cpus.nextSetBit(0);
        int second = cpus.nextSetBit(first + 1);
        return first + "," + (second >= 0 ? second : first);
    }

    private static Path make() {
        try {
            Path parent = Files.createTempDirectory("ipcbench-small-run-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(parent)));
            Path run = parent.resolve("run");
            CommandRun measured = CommandRun.of("run", "--transports", TRANSPORT, "--sizes", "64",
                    "--throughput-sizes", "64", "--duration", "100ms", "--warmup", "50ms", "--throughput-duration",
                    "200ms", "--interval", "20ms", "--repetitions", Integer.toString(REPETITIONS), "--pin", pin(),
                    "--quiet", "--out", run.toString());
            assertEquals(ExitCode.OK, measured.exitCode(), "the small run failed: " + measured.err() + measured.out());
            CommandRun judged = CommandRun.of("claims", run.toString());
            assertEquals(ExitCode.OK, judged.exitCode(), judged.err());
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Best effort at exit: the folder is under the system's temporary directory.
        }
    }
}
