package io.ipcbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ipcbench.command.ExitCode;
import io.ipcbench.command.UserError;
import io.ipcbench.config.LinkSettings;
import io.ipcbench.config.PlacementParser;
import io.ipcbench.config.RunConfig;
import io.ipcbench.os.Cleanup;
import io.ipcbench.os.NetworkNamespace;
import io.ipcbench.os.PrivateDirectory;
import io.ipcbench.peer.ProcessPeerLauncher;
import io.ipcbench.probes.ClaimProbes;
import io.ipcbench.results.BoxWarnings;
import io.ipcbench.results.Calibration;
import io.ipcbench.results.CellResult;
import io.ipcbench.results.Environment;
import io.ipcbench.results.NetworkLink;
import io.ipcbench.results.Placement;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.results.RunFolder;
import io.ipcbench.results.RunResult;
import io.ipcbench.results.SummaryTable;
import io.ipcbench.runner.CellPlan;
import io.ipcbench.runner.EnvironmentProbe;
import io.ipcbench.runner.NanoClock;
import io.ipcbench.runner.RunEstimate;
import io.ipcbench.runner.RunListener;
import io.ipcbench.runner.Sweep;
import io.ipcbench.transport.Engine;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipcbench run}: the sweep of cells between this process and a peer process, latency (and
 * throughput when asked for) of every transport and size. A thin shell over {@link Sweep}: it maps
 * each option to its {@link RunConfig} setting (an option left out keeps the configuration's
 * default), prints progress and the summary, and turns what goes wrong into exit codes.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = VariantOptions.class,
        description = {
                "Measures round trips between this process and a peer process, for every transport and message size "
                        + "(and one-way throughput, with --throughput-sizes; connection set-up, with --connect-sizes).",
                "Each cell (transport x size x connections) gets a fresh peer and a warm-up that is counted but not "
                        + "recorded. Results land in a run folder: run.json and one .hlog per latency cell."},
        footer = {"", "Transports: ${ipcbench.transports} (ipcbench transports says what each is).",
                "Exit codes: 0 all cells ok, 1 a cell failed, 2 bad command line, 3 other error."})
public final class RunCommand implements Callable<Integer> {
    static {
        // The help names the transports there are and the list defaults; picocli fills ${...} from system properties.
        System.setProperty("ipcbench.transports", TransportKind.labels());
        System.setProperty("ipcbench.default-sizes", RunConfig.DEFAULT_SIZES.stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        System.setProperty("ipcbench.default-connections", RunConfig.DEFAULT_CONNECTIONS.stream()
                .map(String::valueOf).collect(Collectors.joining(",")));
    }

    @Spec CommandSpec spec;

    @Option(names = "--transports", split = ",", paramLabel = "NAME",
            description = "Transports to measure (default: all of them).")
    List<String> transports;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "How the data path is driven: raw (libc calls: what the kernel costs), jdk (NIO channels "
                    + "and junixsocket: what a Java application pays), or both, side by side. Default: "
                    + RunConfig.ENGINE_RAW + ".")
    String engine;

    private static final String NONE = "none";

    @Option(names = "--sizes", split = ",", paramLabel = "SIZE",
            description = "Message sizes in bytes of the latency cells; k and m suffixes are binary; none for no "
                    + "latency cells (default: ${ipcbench.default-sizes}).")
    List<String> sizes;

    @Option(names = "--connections", split = ",", paramLabel = "N",
            description = "Connection counts for latency cells, e.g. 1,8,64: that many connections to one peer, each "
                    + "with one message in flight (default: ${ipcbench.default-connections}). pipe and fifo take "
                    + "one only.")
    List<Integer> connections;

    @Option(names = "--connection-transports", split = ",", paramLabel = "NAME",
            description = "Make the closed-loop cells with more than one connection for these transports only "
                    + "(default: every transport that takes several); rate cells follow --rate-transports.")
    List<String> connectionTransports;

    @Option(names = "--throughput-sizes", split = ",", paramLabel = "SIZE",
            description = "Also measure one-way throughput of every transport at these message sizes, e.g. 64,64k.")
    List<String> throughputSizes;

    @Option(names = "--connect-sizes", split = ",", paramLabel = "SIZE",
            description = "Also measure connection set-up of every transport that sets up connections (tcp, "
                    + "unix-stream, unix-seqpacket) at these request sizes: each operation dials a connection, sends "
                    + "one request, takes its reply and closes, as netperf's TCP_CRR. --connections gives how many "
                    + "such loops run at once.")
    List<String> connectSizes;

    @Option(names = "--closer", paramLabel = "client|peer",
            description = "Which side of a connect cell's connection closes first, and so keeps TCP's TIME_WAIT "
                    + "(default: client).")
    String closer;

    @Option(names = "--linger0",
            description = "The side that closes first resets the connection (SO_LINGER 0) instead: no TIME_WAIT, "
                    + "which is not what a normal client does.")
    boolean linger0;

    @Option(names = "--throughput-duration", paramLabel = "TIME",
            description = "Measured time of each throughput cell (default: " + RunConfig.DEFAULT_THROUGHPUT_MILLIS
                    + " ms).")
    String throughputDuration;

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Also measure latency under an offered load: round trips per second over all connections of a "
                    + "cell (50000, 50k), or a percentage of the closed-loop maximum measured in the same repetition "
                    + "(25%%). The sender keeps a schedule, several messages in flight, and each round trip is timed "
                    + "from its intended send.")
    String rate;

    @Option(names = "--rates", split = ",", paramLabel = "RATE",
            description = "A sweep of such rates, e.g. 10%%,25%%,50%%,75%%,90%%,100%%,110%%. A percentage needs the "
                    + "closed-loop latency cell of the same transport, size and connections, which the plan adds "
                    + "when the latency cells lack it and runs first.")
    List<String> rates;

    @Option(names = "--rate-sizes", split = ",", paramLabel = "SIZE",
            description = "Message sizes of the rate cells (default: those of the latency cells).")
    List<String> rateSizes;

    @Option(names = "--rate-connections", split = ",", paramLabel = "N",
            description = "Connection counts of the rate cells, the load spread evenly, each connection with its own "
                    + "schedule (default: those of the latency cells).")
    List<Integer> rateConnections;

    @Option(names = "--rate-transports", split = ",", paramLabel = "NAME",
            description = "Make rate cells for these transports only, at every --rate-connections count each takes "
                    + "(default: every transport of the run).")
    List<String> rateTransports;

    @Option(names = "--rate-duration", paramLabel = "TIME",
            description = "Measured time of each rate cell (default: " + RunConfig.DEFAULT_RATE_MILLIS + " ms).")
    String rateDuration;

    @Option(names = "--p99-budget", paramLabel = "TIME",
            description = "A rate is sustainable while its p99 (from the intended send) stays within this; the "
                    + "highest such rate of each sweep is reported (default: " + RunConfig.DEFAULT_P99_BUDGET_NANOS / 1_000
                    + "us).")
    String p99Budget;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Measured round trips per cell (default: " + RunConfig.DEFAULT_ITERATIONS + ").")
    String iterations;

    @Option(names = "--duration", paramLabel = "TIME",
            description = "Measure each cell for this long instead of a count, e.g. 10s.")
    String duration;

    @Option(names = "--warmup", paramLabel = "N|TIME",
            description = "Warm-up per cell, a count or a duration (default: " + RunConfig.DEFAULT_WARMUP_ITERATIONS + ").")
    String warmup;

    @Option(names = "--interval", paramLabel = "TIME",
            description = "Interval between interval-log entries (default: " + RunConfig.DEFAULT_INTERVAL_MILLIS
                    + " ms).")
    String interval;

    @Option(names = "--pin", paramLabel = "CLIENT,PEER",
            description = "Pin the measuring thread of each side to a CPU, e.g. 0,1 or 0,0. Unpinned runs on small "
                    + "machines are bimodal: pin for figures you compare.")
    String pin;

    @Option(names = "--no-tcp-nodelay", description = "Leave Nagle's algorithm on for tcp (TCP_NODELAY is on by default).")
    boolean noTcpNoDelay;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the tcp and udp listeners bind to (default: " + RunConfig.DEFAULT_BIND_HOST + ").")
    String bindHost;

    @Option(names = "--link", paramLabel = "loopback|netns",
            description = "Where the peer of tcp and udp cells sits: " + LinkSettings.LOOPBACK + " (the default), or "
                    + LinkSettings.NETNS + ": in a network namespace made for the run, joined to this one by a veth pair "
                    + "with addresses from 198.51.100.0/24, so that their traffic crosses a real network device. Needs "
                    + "root or CAP_NET_ADMIN. Unix sockets, pipes and FIFOs keep their usual path.")
    String link;

    @Option(names = "--link-delay", paramLabel = "TIME",
            description = "With --link netns: netem delays every packet this long, each way, e.g. 100us (needs the "
                    + "kernel's sch_netem). Default: no shaping.")
    String linkDelay;

    @Option(names = "--link-loss", paramLabel = "PERCENT",
            description = "With --link netns: netem drops this share of packets, each way, e.g. 0.1%%.")
    String linkLoss;

    @Option(names = "--peer-timeout", paramLabel = "TIME",
            description = "A peer silent this long has hung: its cell fails (default: "
                    + RunConfig.DEFAULT_PEER_TIMEOUT_MILLIS + " ms).")
    String peerTimeout;

    @Option(names = "--receive-timeout", paramLabel = "TIME",
            description = "A datagram not answered within this is counted lost (default: "
                    + RunConfig.DEFAULT_RECEIVE_TIMEOUT_MILLIS + " ms).")
    String receiveTimeout;

    @Option(names = "--sndbuf", paramLabel = "SIZE",
            description = "SO_SNDBUF to ask for on both sides' sockets; 0, the default, keeps the kernel's. The size "
                    + "the kernel granted is recorded.")
    String sendBuffer;

    @Option(names = "--rcvbuf", paramLabel = "SIZE",
            description = "SO_RCVBUF to ask for on both sides' sockets; 0, the default, keeps the kernel's.")
    String receiveBuffer;

    @Option(names = "--peer-delay-us", paramLabel = "MICROS",
            description = "Make the peer busy-wait this long before each reply: a known slowdown, for testing gates.")
    Long peerDelayMicros;

    @Option(names = "--repetitions", paramLabel = "N",
            description = "Run the whole sweep this many times (default: " + RunConfig.DEFAULT_REPETITIONS + ").")
    Integer repetitions;

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

    /**
     * The configuration this command line describes; throws {@link UserError} when it is wrong. Only
     * the options given are set: the rest keep {@link RunConfig.Builder}'s defaults.
     */
    RunConfig config(String defaultOutput) {
        RunConfig.Builder builder = RunConfig.builder().outputDirectory(out != null ? out.toString() : defaultOutput);
        ifGiven(transports, names -> builder.transports(transports(names, "--transports").stream().distinct()
                .toList()));
        ifGiven(engine, text -> builder.engine(engine(text)));
        builder.variants(VariantOptions.chosen(spec));
        ifGiven(sizes, texts -> builder.sizes(sizes(texts, "--sizes")));
        ifGiven(throughputSizes, texts -> builder.throughputSizes(sizes(texts, "--throughput-sizes")));
        ifGiven(throughputDuration, "--throughput-duration", Units::parseMillis, builder::throughputMillis);
        ifGiven(connectSizes, texts -> builder.connectSizes(sizes(texts, "--connect-sizes")));
        ifGiven(closer, builder::closer);
        builder.linger0(linger0);
        ifGiven(connections, counts -> builder.connections(counts.stream().distinct().toList()));
        ifGiven(connectionTransports, names -> builder.connectionTransports(transports(names,
                "--connection-transports")));
        if (rate != null && rates != null) {
            throw new UserError("give --rate or --rates, not both");
        }
        ifGiven(rate != null ? List.of(rate) : rates, texts -> builder.rates(texts.stream()
                .map(text -> parse(() -> RequestedRate.parse(text), rate != null ? "--rate" : "--rates")).distinct()
                .toList()));
        ifGiven(rateSizes, texts -> builder.rateSizes(sizes(texts, "--rate-sizes")));
        ifGiven(rateConnections, counts -> builder.rateConnections(counts.stream().distinct().toList()));
        ifGiven(rateTransports, names -> builder.rateTransports(transports(names, "--rate-transports")));
        ifGiven(rateDuration, "--rate-duration", Units::parseMillis, builder::rateMillis);
        ifGiven(p99Budget, "--p99-budget", Units::parseNanos, builder::p99BudgetNanos);
        if (iterations != null && duration != null) {
            throw new UserError("give --iterations or --duration, not both");
        }
        ifGiven(iterations, "--iterations", Units::parseCount, builder::iterations);
        ifGiven(duration, "--duration", Units::parseMillis, builder::durationMillis);
        if (warmup != null && Units.isDuration(warmup)) {
            builder.warmupMillis(parse(() -> Units.parseMillis(warmup), "--warmup"));
        } else {
            ifGiven(warmup, "--warmup", Units::parseCount, builder::warmupIterations);
        }
        ifGiven(interval, "--interval", Units::parseMillis, builder::intervalMillis);
        ifGiven(peerTimeout, "--peer-timeout", Units::parseMillis, builder::peerTimeoutMillis);
        ifGiven(receiveTimeout, "--receive-timeout", Units::parseMillis, builder::receiveTimeoutMillis);
        ifGiven(sendBuffer, "--sndbuf", Units::parseSize, builder::sendBufferBytes);
        ifGiven(receiveBuffer, "--rcvbuf", Units::parseSize, builder::receiveBufferBytes);
        ifGiven(bindHost, builder::bindHost);
        ifGiven(peerDelayMicros, builder::peerDelayMicros);
        ifGiven(repetitions, builder::repetitions);
        ifGiven(orderSeed, builder::orderSeed);
        if (noTcpNoDelay) {
            builder.tcpNoDelay(false);
        }
        if (noCanary) {
            builder.canary(false);
        }
        builder.pin(parsePin(pin)).probes(probes).skipOversized(skipOversized).link(link());
        if (bindHost != null && LinkSettings.NETNS.equals(link)) {
            throw new UserError("--bind and --link netns both say where tcp and udp listen: give one of them");
        }
        RunConfig config;
        try {
            config = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        OpenFileLimit.check(Math.max(config.connections().stream().mapToInt(Integer::intValue).max().orElse(1),
                config.rateConnections().stream().mapToInt(Integer::intValue).max().orElse(1)));
        return config;
    }

    /** {@code --link} and its shaping. */
    private LinkSettings link() {
        long delay = linkDelay == null ? 0 : parse(() -> Units.parseMicros(linkDelay), "--link-delay");
        double loss = linkLoss == null ? 0 : parse(() -> Units.parsePercent(linkLoss), "--link-loss");
        try {
            return new LinkSettings(link == null ? LinkSettings.LOOPBACK : link, delay, loss);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Sets {@code setting} to {@code text} as {@code reader} reads it, if the option was given. */
    private static <T> void ifGiven(String text, String option, Function<String, T> reader, Consumer<T> setting) {
        if (text != null) {
            setting.accept(parse(() -> reader.apply(text), option));
        }
    }

    /** Sets {@code setting} to {@code value}, if the option was given. */
    private static <T> void ifGiven(T value, Consumer<T> setting) {
        if (value != null) {
            setting.accept(value);
        }
    }

    /** Transports' names as the run records them; a user error if there is no such transport. */
    private static List<String> transports(List<String> names, String option) {
        return names.stream().map(name -> {
            try {
                return TransportKind.fromLabel(name.trim()).label();
            } catch (IllegalArgumentException e) {
                throw new UserError(option + ": " + e.getMessage());
            }
        }).toList();
    }

    /** Message sizes, each once, in the order given. */
    /** A list of sizes, or {@value #NONE} for none (a run of throughput cells only, say). */
    private static List<Integer> sizes(List<String> texts, String option) {
        if (texts.size() == 1 && NONE.equals(texts.get(0).trim())) {
            return List.of();
        }
        return texts.stream().map(text -> parse(() -> Units.parseSize(text), option)).distinct().toList();
    }

    /** {@code raw}, {@code jdk} or {@code both}. */
    private static String engine(String text) {
        if (RunConfig.ENGINE_BOTH.equals(text)) {
            return RunConfig.ENGINE_BOTH;
        }
        try {
            return Engine.fromLabel(text).label();
        } catch (IllegalArgumentException e) {
            throw new UserError("--engine: " + e.getMessage() + " or both");
        }
    }

    /** {@code --pin CLIENT,PEER}, of {@code run} and {@code doctor}; absent, unpinned. */
    static Placement parsePin(String text) {
        try {
            return PlacementParser.parse(text, "--pin");
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
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
        String id = Sweep.newRunId(Instant.now(), EnvironmentProbe.hostname());
        RunConfig config = config(Path.of("results", id).toString());
        CellPlan plan = plan(config);
        RunEstimate estimate = RunEstimate.of(plan, config);
        if (planOnly) {
            stdout.println(estimate.describe());
            plan.leftOut().forEach(what -> stdout.println("skipped: " + what));
            return ExitCode.OK;
        }
        removeOrphans(stderr);
        try (NetworkNamespace namespace = openLink(config.link())) {
            return run(config, plan, estimate, id, namespace, stdout, stderr);
        }
    }

    /** Removes what killed runs left: private directories, and network namespaces with their veth pairs. */
    private static void removeOrphans(PrintWriter stderr) {
        List<Path> orphans = PrivateDirectory.removeOrphans();
        if (!orphans.isEmpty()) {
            stderr.println("ipcbench: removed " + orphans.size() + " private "
                    + (orphans.size() == 1 ? "directory" : "directories") + " left by a killed run: "
                    + orphans.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        List<String> namespaces = NetworkNamespace.removeOrphans();
        if (!namespaces.isEmpty()) {
            stderr.println("ipcbench: removed " + namespaces.size() + " network "
                    + (namespaces.size() == 1 ? "namespace" : "namespaces") + " (and veth pairs) left by a killed run: "
                    + String.join(", ", namespaces));
        }
    }

    /**
     * The namespace and veth pair of {@code --link netns}, shaped as asked; null on loopback. A box
     * that cannot make or shape it is a user error: one line, exit code 2, nothing left behind.
     */
    private static NetworkNamespace openLink(LinkSettings link) {
        if (!link.acrossNamespace()) {
            return null;
        }
        String unavailable = NetworkNamespace.whyUnavailable();
        if (unavailable != null) {
            throw new UserError(unavailable);
        }
        NetworkNamespace namespace;
        try {
            namespace = NetworkNamespace.create();
        } catch (IOException e) {
            throw new UserError("--link netns: " + e.getMessage());
        }
        try {
            if (link.shaped()) {
                namespace.shape(link.delayMicros(), link.lossPercent());
            }
            return namespace;
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw new UserError(e.getMessage());
        }
    }

    /** The link as found, for run.json; null on loopback. */
    private static NetworkLink describe(NetworkNamespace namespace, LinkSettings link) throws IOException {
        return namespace == null ? null : new NetworkLink(link.label(), namespace.name(), namespace.clientDevice(),
                namespace.clientAddress(), namespace.peerAddress(), namespace.mtu(), namespace.qdisc());
    }

    private int run(RunConfig config, CellPlan plan, RunEstimate estimate, String id, NetworkNamespace namespace,
                    PrintWriter stdout, PrintWriter stderr) throws IOException {
        Path folder = prepareFolder(Path.of(config.outputDirectory()));
        NetworkLink crossed = describe(namespace, config.link());
        if (!quiet) {
            stdout.println("ipcbench " + EnvironmentProbe.version() + ": run " + id);
            stdout.println(config);
            stdout.println("  plan            " + estimate.describe());
            if (crossed != null) {
                stdout.println("  veth            " + crossed.clientAddress() + " (" + crossed.clientDevice() + ") to "
                        + crossed.peerAddress() + " in namespace " + crossed.namespace() + ", MTU " + crossed.mtu());
            }
            if (!config.pin().pinned()) {
                stderr.println("warning: " + BoxWarnings.UNPINNED_RUN);
            }
            stdout.flush();
        }
        RunResult run;
        ConsoleProgress progress = new ConsoleProgress(stdout, stderr, quiet);
        ProcessPeerLauncher here = new ProcessPeerLauncher();
        ProcessPeerLauncher launcher = namespace == null ? here : here.across(namespace);
        ClaimProbes probes = crossed == null ? new ClaimProbes(here, stderr)
                : new ClaimProbes(here, stderr).across(launcher, crossed);
        try (Sweep sweep = new Sweep(config, Transports::of, launcher, crossed, NanoClock.SYSTEM, progress,
                probes::runAll)) {
            // Ctrl-C stops the JVM mid-cell: first the sweep stops saving, so run.json keeps what
            // finished before it; last, once peers and private directories are gone, the count is told.
            Runnable unregisterStop = Cleanup.registerFirst(sweep::stop);
            Runnable unregisterTell = Cleanup.register(() -> {
                stderr.println();
                stderr.println("ipcbench: interrupted: " + sweep.savedCells() + " of " + plan.cells().size()
                        + " cells kept in " + folder.resolve(RunFolder.RUN_JSON));
                stderr.flush();
            });
            try {
                run = sweep.run(folder, id, plan);
            } finally {
                unregisterStop.run();
                unregisterTell.run();
            }
        }
        stdout.println();
        stdout.print(SummaryTable.render(run.cells(), run.sustainableRates()));
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
     * The cells of the run; a user error if a transport cannot carry a size or a cell's message
     * buffers do not fit the memory, unless the run skips what cannot be measured, and if nothing the
     * run asks for can be measured (no cell, no probes).
     */
    static CellPlan plan(RunConfig config) {
        CellPlan plan = CellPlan.of(config);
        if (plan.cells().isEmpty() && !config.probes() && !plan.skipped().isEmpty()) {
            // Every cell asked for is one that cannot be (connect cells of udp alone, rate cells of shm): nothing to run.
            int more = plan.skipped().size() - 1;
            throw new UserError("nothing to measure: " + plan.skipped().get(0)
                    + (more > 0 ? " (and " + more + " more)" : ""));
        }
        if (config.skipOversized()) {
            return plan;
        }
        if (!plan.oversized().isEmpty()) {
            throw new UserError(plan.oversized().get(0)
                    + ". Drop that size or that transport, or add --skip-oversized.");
        }
        if (!plan.tooLarge().isEmpty()) {
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

        ConsoleProgress(PrintWriter out, PrintWriter err, boolean quiet) {
            this.out = quiet ? new PrintWriter(Writer.nullWriter()) : out;
            this.err = err;
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
        public void probesStarting() {
            out.println("claim probes ...");
            out.flush();
        }

        @Override
        public void skipped(String what) {
            out.println("skipped: " + what);
            out.flush();
        }

        @Override
        public void cellFinished(int index, int total, CellResult cell) {
            double seconds = (System.nanoTime() - cellStartNanos) / 1e9;
            if (cell.ok() && cell.throughput() != null) {
                out.printf(Locale.ROOT, "%.1f MB/s, %.0f messages/s (%.1f s)%n", cell.throughput().bytesPerSec() / 1e6,
                        cell.throughput().messagesPerSec(), seconds);
            } else if (cell.ok() && cell.setUp() != null) {
                out.printf(Locale.ROOT, "%.0f connections/s, p50 %.2f µs, p99 %.2f µs, connect alone p50 %.2f µs "
                                + "(%.1f s)%n", cell.roundTripsPerSec(), cell.latencyNs().p50() / 1e3,
                        cell.latencyNs().p99() / 1e3, cell.setUp().connectNs().p50() / 1e3, seconds);
            } else if (cell.ok() && cell.rate() != null) {
                String miss = cell.rate().describeMiss();
                out.printf(Locale.ROOT, "p50 %.2f µs, p99 %.2f µs from the intended send, at %,.0f round trips/s "
                                + "(%.1f s)%s%n", cell.latencyNs().p50() / 1e3, cell.latencyNs().p99() / 1e3,
                        cell.rate().achievedPerSec(), seconds, miss == null ? "" : ": " + miss.toUpperCase(Locale.ROOT));
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
