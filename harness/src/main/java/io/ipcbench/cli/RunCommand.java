package io.ipcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.config.RunConfig;
import io.ipcbench.os.Cleanup;
import io.ipcbench.os.CpuAffinity;
import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.probes.ClaimProbes;
import io.ipcbench.results.BoxWarnings;
import io.ipcbench.results.Calibration;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.Placement;
import io.ipcbench.results.ProbeResults;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.SummaryTable;
import io.ipcbench.runner.CellPlan;
import io.ipcbench.runner.EnvironmentProbe;
import io.ipcbench.runner.NanoClock;
import io.ipcbench.runner.PingPongRunner;
import io.ipcbench.runner.RunEstimate;
import io.ipcbench.runner.RunListener;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipcbench run}: the two-process ping-pong latency sweep. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = VariantOptions.class,
        description = {
                "Measures round trips between this process and a peer process, for every transport and message size.",
                "Each cell (transport x size) gets a fresh peer, a warm-up that is counted but not recorded, and an "
                        + "interval log. Results land in a run folder: run.json and one .hlog per cell."},
        footer = {"", "Transports: ${ipcbench.transports} (ipcbench transports says what each is).",
                "Exit codes: 0 all cells ok, 1 a cell failed, 2 bad command line, 3 other error."})
public final class RunCommand implements Callable<Integer> {
    static {
        // The help's footer names the transports there are; picocli fills ${...} from system properties.
        System.setProperty("ipcbench.transports", TransportKind.labels());
    }

    @Spec CommandSpec spec;

    @Option(names = "--transports", split = ",", paramLabel = "NAME",
            description = "Transports to measure (default: all of them).")
    List<String> transports = RunConfig.DEFAULT_TRANSPORTS;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "raw",
            description = "How the data path is driven: raw (libc calls: what the kernel costs), jdk (NIO channels "
                    + "and junixsocket: what a Java application pays), or both, side by side. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--sizes", split = ",", paramLabel = "SIZE",
            description = "Message sizes in bytes; k and m suffixes are binary (default: 64,1k,16k).")
    List<String> sizes = List.of("64", "1024", "16384");

    @Option(names = "--connections", split = ",", paramLabel = "N",
            description = "Connection counts for latency cells, e.g. 1,8,64: that many connections to one peer, each "
                    + "with one message in flight (default: 1). pipe and fifo take one only.")
    List<Integer> connections = RunConfig.DEFAULT_CONNECTIONS;

    @Option(names = "--connection-transports", split = ",", paramLabel = "NAME",
            description = "Make the cells with more than one connection for these transports only (default: every "
                    + "transport that takes several).")
    List<String> connectionTransports = List.of();

    @Option(names = "--throughput-sizes", split = ",", paramLabel = "SIZE",
            description = "Also measure one-way throughput of every transport at these message sizes, e.g. 64,64k.")
    List<String> throughputSizes = List.of();

    @Option(names = "--throughput-duration", paramLabel = "TIME", defaultValue = "2s",
            description = "Measured time of each throughput cell (default: ${DEFAULT-VALUE}).")
    String throughputDuration;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Measured round trips per cell (default: " + RunConfig.DEFAULT_ITERATIONS + ").")
    String iterations;

    @Option(names = "--duration", paramLabel = "TIME",
            description = "Measure each cell for this long instead of a count, e.g. 10s.")
    String duration;

    @Option(names = "--warmup", paramLabel = "N|TIME",
            description = "Warm-up per cell, a count or a duration (default: " + RunConfig.DEFAULT_WARMUP_ITERATIONS + ").")
    String warmup;

    @Option(names = "--interval", paramLabel = "TIME", defaultValue = "1s",
            description = "Interval between interval-log entries (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--pin", paramLabel = "CLIENT,PEER",
            description = "Pin the measuring thread of each side to a CPU, e.g. 0,1 or 0,0. Unpinned runs on small "
                    + "machines are bimodal: pin for figures you compare.")
    String pin;

    @Option(names = "--no-tcp-nodelay", description = "Leave Nagle's algorithm on for tcp (TCP_NODELAY is on by default).")
    boolean noTcpNoDelay;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = RunConfig.DEFAULT_BIND_HOST,
            description = "Address the tcp and udp listeners bind to (default: ${DEFAULT-VALUE}).")
    String bindHost;

    @Option(names = "--peer-timeout", paramLabel = "TIME", defaultValue = "5s",
            description = "A peer silent this long has hung: its cell fails (default: ${DEFAULT-VALUE}).")
    String peerTimeout;

    @Option(names = "--receive-timeout", paramLabel = "TIME", defaultValue = "200ms",
            description = "A datagram not answered within this is counted lost (default: ${DEFAULT-VALUE}).")
    String receiveTimeout;

    @Option(names = "--sndbuf", paramLabel = "SIZE", defaultValue = "0",
            description = "SO_SNDBUF to ask for on both sides' sockets; 0 keeps the kernel's default. The size the "
                    + "kernel granted is recorded.")
    String sendBuffer;

    @Option(names = "--rcvbuf", paramLabel = "SIZE", defaultValue = "0",
            description = "SO_RCVBUF to ask for on both sides' sockets; 0 keeps the kernel's default.")
    String receiveBuffer;

    @Option(names = "--peer-delay-us", paramLabel = "MICROS", defaultValue = "0",
            description = "Make the peer busy-wait this long before each reply: a known slowdown, for testing gates.")
    long peerDelayMicros;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "1",
            description = "Run the whole sweep this many times (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--order-seed", paramLabel = "N",
            description = "Seed of the order the cells of each repetition run in (shuffled so that a drifting box "
                    + "does not line up with one transport); default: a random seed, printed and recorded.")
    Long orderSeed;

    @Option(names = "--no-canary",
            description = "Do not measure the box canary (a pipe round trip between two threads) before and after "
                    + "every cell; the gate then cannot tell a drifting box from a slower transport.")
    boolean noCanary;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder to write (default: results/<yyyyMMdd-HHmmss>-<host>).")
    Path out;

    @Option(names = "--skip-oversized",
            description = "Skip, with a note, what cannot be measured here instead of refusing the run: the sizes a "
                    + "datagram transport cannot carry, and the cells whose message buffers do not fit the memory.")
    boolean skipOversized;

    @Option(names = "--plan",
            description = "Print how many cells the run has and about how long it takes, then stop: nothing is "
                    + "measured or written.")
    boolean planOnly;

    @Option(names = "--probes", description = "Also run the claim probes: message boundaries, largest datagram, Nagle.")
    boolean probes;

    @Option(names = "--quiet", description = "Print only the summary table.")
    boolean quiet;

    /** The configuration this command line describes; throws {@link UserError} when it is wrong. */
    RunConfig config(String defaultOutput) {
        RunConfig.Builder builder = RunConfig.builder();
        List<TransportKind> kinds = new ArrayList<>();
        for (String name : transports) {
            try {
                kinds.add(TransportKind.fromLabel(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        if (RunConfig.ENGINE_BOTH.equals(engine)) {
            builder.engine(RunConfig.ENGINE_BOTH);
        } else {
            try {
                builder.engine(Engine.fromLabel(engine).label());
            } catch (IllegalArgumentException e) {
                throw new UserError("--engine: " + e.getMessage() + " or both");
            }
        }
        builder.transports(kinds.stream().map(TransportKind::label).distinct().toList())
                .variants(VariantOptions.chosen(spec));
        List<Integer> sizeList = new ArrayList<>();
        for (String text : sizes) {
            int size = parse(() -> Units.parseSize(text), "--sizes");
            sizeList.add(size);
            for (TransportKind kind : kinds) {
                if (size > kind.maxMessageSize() && !skipOversized) {
                    throw new UserError(kind.label() + " cannot carry a " + size + " B message: "
                            + kind.maxSizeReason() + ". Drop that size or that transport, or add --skip-oversized.");
                }
            }
        }
        builder.sizes(sizeList.stream().distinct().toList());
        List<Integer> throughputList = new ArrayList<>();
        for (String text : throughputSizes) {
            int size = parse(() -> Units.parseSize(text), "--throughput-sizes");
            throughputList.add(size);
            for (TransportKind kind : kinds) {
                if (size > kind.maxMessageSize() && !skipOversized) {
                    throw new UserError(kind.label() + " cannot carry a " + size + " B message: "
                            + kind.maxSizeReason() + ". Drop that size or that transport, or add --skip-oversized.");
                }
            }
        }
        builder.throughputSizes(throughputList.stream().distinct().toList())
                .throughputMillis(parse(() -> Units.parseMillis(throughputDuration), "--throughput-duration"))
                .connections(connections.stream().distinct().toList())
                .connectionTransports(connectionTransports.stream().map(name -> {
                    try {
                        return TransportKind.fromLabel(name.trim()).label();
                    } catch (IllegalArgumentException e) {
                        throw new UserError("--connection-transports: " + e.getMessage());
                    }
                }).toList());
        int most = connections.stream().mapToInt(Integer::intValue).max().orElse(1);
        OpenFileLimit.check(most);
        if (iterations != null && duration != null) {
            throw new UserError("give --iterations or --duration, not both");
        }
        if (iterations != null) {
            builder.iterations(parse(() -> Units.parseCount(iterations), "--iterations"));
        }
        if (duration != null) {
            builder.durationMillis(parse(() -> Units.parseMillis(duration), "--duration"));
        }
        if (warmup != null) {
            if (Units.isDuration(warmup)) {
                builder.warmupMillis(parse(() -> Units.parseMillis(warmup), "--warmup"));
            } else {
                builder.warmupIterations(parse(() -> Units.parseCount(warmup), "--warmup"));
            }
        }
        builder.intervalMillis(parse(() -> Units.parseMillis(interval), "--interval"))
                .pin(parsePin(pin))
                .tcpNoDelay(!noTcpNoDelay)
                .bindHost(bindHost)
                .peerTimeoutMillis(parse(() -> Units.parseMillis(peerTimeout), "--peer-timeout"))
                .receiveTimeoutMillis(parse(() -> Units.parseMillis(receiveTimeout), "--receive-timeout"))
                .sendBufferBytes(parse(() -> Units.parseSize(sendBuffer), "--sndbuf"))
                .receiveBufferBytes(parse(() -> Units.parseSize(receiveBuffer), "--rcvbuf"))
                .peerDelayMicros(peerDelayMicros)
                .repetitions(repetitions)
                .probes(probes)
                .skipOversized(skipOversized)
                .canary(!noCanary)
                .outputDirectory(out != null ? out.toString() : defaultOutput);
        if (orderSeed != null) {
            builder.orderSeed(orderSeed);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }


    static Placement parsePin(String text) {
        if (text == null) {
            return Placement.UNPINNED;
        }
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new UserError("--pin takes CLIENT,PEER CPU numbers, e.g. 0,1 (got '" + text + "')");
        }
        int[] cpus = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                cpus[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserError("--pin takes CLIENT,PEER CPU numbers, e.g. 0,1 (got '" + text + "')");
            }
            if (!CpuAffinity.isAllowed(cpus[i])) {
                throw new UserError("--pin " + text + ": CPU " + cpus[i] + " is not available here (CPUs: "
                        + CpuAffinity.describe(CpuAffinity.allowedCpus()) + ")");
            }
        }
        return new Placement(cpus[0], cpus[1]);
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser, String option) {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String id = PingPongRunner.newRunId(Instant.now(), EnvironmentProbe.hostname());
        RunConfig config = config(Path.of("results", id).toString());
        CellPlan plan = plan(config);
        RunEstimate estimate = RunEstimate.of(plan, config);
        if (planOnly) {
            stdout.println(estimate.describe());
            plan.skipped().forEach(what -> stdout.println("skipped: " + what));
            plan.tooLarge().forEach(what -> stdout.println("skipped: " + what));
            return ExitCode.OK;
        }
        Path folder = prepareFolder(Path.of(config.outputDirectory()));
        List<Path> orphans = PrivateDirectory.removeOrphans();
        if (!orphans.isEmpty()) {
            stderr.println("ipcbench: removed " + orphans.size() + " private "
                    + (orphans.size() == 1 ? "directory" : "directories") + " left by a killed run: "
                    + orphans.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }

        if (!quiet) {
            stdout.println("ipcbench " + EnvironmentProbe.version() + ": run " + id);
            stdout.println(config);
            stdout.println("  plan            " + estimate.describe());
            if (!config.pin().pinned()) {
                stderr.println("warning: unpinned. On a small machine round trips land in a same-CPU or a cross-CPU "
                        + "mode (about 3x apart) from run to run; use --pin 0,0 or --pin 0,1 for figures you compare.");
            }
            stdout.flush();
        }
        RunResult run;
        ConsoleProgress progress = new ConsoleProgress(stdout, stderr, quiet);
        // Ctrl-C stops the JVM mid-cell: the cells finished are in run.json already; say so last.
        Runnable unregister = Cleanup.register(() -> {
            stderr.println();
            stderr.println("ipcbench: interrupted: " + progress.finished() + " of " + plan.cells().size()
                    + " cells kept in " + folder.resolve(RunFolder.RUN_JSON));
            stderr.flush();
        });
        try (PingPongRunner runner = new PingPongRunner(config, Transports::of, new ProcessPeerLauncher(),
                NanoClock.SYSTEM, progress)) {
            run = runner.run(folder, id, plan);
        } finally {
            unregister.run();
        }
        if (config.probes()) {
            if (!quiet) {
                stdout.println("claim probes ...");
                stdout.flush();
            }
            ProbeResults found = new ClaimProbes(new ProcessPeerLauncher(), stderr)
                    .runAll(config.transports().stream().map(TransportKind::fromLabel).toList());
            run = run.withProbes(found);
            RunFolder.write(folder, run);
        }
        stdout.println();
        stdout.print(SummaryTable.render(run.cells()));
        stdout.println();
        stdout.println("run folder: " + folder);
        long failed = run.cells().stream().filter(c -> !c.ok()).count();
        if (failed > 0) {
            stderr.println("ipcbench: " + failed + " of " + run.cells().size() + " cells failed (see the table and "
                    + folder.resolve("run.json") + ")");
            return ExitCode.CELL_FAILED;
        }
        return ExitCode.OK;
    }

    /**
     * The cells of the run; a user error if a cell's message buffers do not fit the memory, unless
     * the run skips what cannot be measured.
     */
    static CellPlan plan(RunConfig config) {
        CellPlan plan = CellPlan.of(config);
        if (!plan.tooLarge().isEmpty() && !config.skipOversized()) {
            int more = plan.tooLarge().size() - 1;
            throw new UserError(plan.tooLarge().get(0) + (more > 0 ? " (and " + more + " more cells)" : "")
                    + ". Use fewer connections or smaller sizes, or add --skip-oversized.");
        }
        return plan;
    }

    /** Creates the run folder, refusing one that already holds a run; a user error if it cannot be made. */
    static Path prepareFolder(Path folder) {
        if (Files.exists(folder.resolve("run.json"))) {
            throw new UserError("--out " + folder + " already holds a run; choose another folder");
        }
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserError("cannot write the run folder " + folder + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + "); choose another with --out");
        }
        return folder;
    }

    /** Prints a line per cell as it finishes, and warnings about the box and each cell. */
    private static final class ConsoleProgress implements RunListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private long cellStartNanos;
        private long runStartNanos;
        private volatile int finished;

        ConsoleProgress(PrintWriter out, PrintWriter err, boolean quiet) {
            this.out = quiet ? new PrintWriter(Writer.nullWriter()) : out;
            this.err = err;
        }

        /** Cells finished (and so saved) so far. */
        int finished() {
            return finished;
        }

        @Override
        public void environmentRead(Environment environment) {
            warn(BoxWarnings.ofBox(environment));
        }

        private void warn(List<String> warnings) {
            out.flush();
            warnings.forEach(warning -> err.println("warning: " + warning));
            err.flush();
        }

        @Override
        public void calibrated(Calibration c) {
            out.printf(Locale.ROOT, "calibration: nanoTime() %.1f ns (granularity %d ns), histogram record %.1f ns%n",
                    c.nanoTimeCostNs(), c.nanoTimeGranularityNs(), c.histogramRecordCostNs());
            out.flush();
        }

        @Override
        public void cellStarting(int index, int total, String description) {
            cellStartNanos = System.nanoTime();
            if (runStartNanos == 0) {
                runStartNanos = cellStartNanos;
            }
            String left = "";
            if (index > 1) {
                long perCell = (cellStartNanos - runStartNanos) / (index - 1);
                left = " (about " + RunEstimate.duration(Duration.ofNanos(perCell * (total - index + 1))) + " left)";
            }
            out.printf(Locale.ROOT, "[%d/%d]%s %s ... ", index, total, left, description);
            out.flush();
        }

        @Override
        public void skipped(String what) {
            out.println("skipped: " + what);
            out.flush();
        }

        @Override
        public void cellFinished(int index, int total, CellResult cell) {
            finished++;
            double seconds = (System.nanoTime() - cellStartNanos) / 1e9;
            if (cell.ok() && cell.throughput() != null) {
                out.printf(Locale.ROOT, "%.1f MB/s, %.0f messages/s (%.1f s)%n", cell.throughput().bytesPerSec() / 1e6,
                        cell.throughput().messagesPerSec(), seconds);
            } else if (cell.ok()) {
                out.printf(Locale.ROOT, "p50 %.2f µs, p99 %.2f µs (%d round trips, %.1f s)%n",
                        cell.latencyNs().p50() / 1e3, cell.latencyNs().p99() / 1e3, cell.latencyNs().count(), seconds);
            } else {
                out.printf(Locale.ROOT, "FAILED: %s%n", cell.error());
            }
            out.flush();
            warn(BoxWarnings.ofCell(cell));
        }
    }
}
