package io.ipcbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.ipcbench.results.Placement;
import io.ipcbench.results.RequestedRate;
import io.ipcbench.transport.Closer;
import io.ipcbench.transport.TransportKind;
import io.ipcbench.transport.Variant;
import io.ipcbench.transport.Variants;

/**
 * Every setting of a run, immutable and checked when built; printed at the start of every run
 * and stored in {@code run.json}. The command line maps each flag to exactly one builder call.
 *
 * <p>Measurement stops after {@code iterations} round trips, or after {@code durationMillis} when
 * {@code iterations} is 0; warm-up likewise with {@code warmupIterations} / {@code warmupMillis}.
 *
 * @param orderSeed seed of the order the cells of each repetition run in: shuffled, so that a drift
 *                  of the box over the run does not line up with one transport; recorded, so that
 *                  the order can be run again
 * @param canary    whether to measure the box canary before and after every cell
 * @param link      where the peer of tcp and udp cells sits: loopback, or a network namespace behind a veth
 * @param connectSizes message sizes of the connect cells (none by default): each operation dials a
 *                  connection, sends one request, takes its reply and closes
 * @param closer    which side of a connect cell's connection closes first: client (the default) or peer
 * @param linger0   whether that side resets the connection (SO_LINGER 0) instead of closing it: no TIME_WAIT
 * @param variants  the variants to measure of each transport that has some (shm's idle strategies), by
 *                  transport; a transport left out is measured in its default variant
 * @param rates           rates of the rate cells, each round trips per second or a percentage of the closed-loop
 *                        maximum; empty for no rate cells
 * @param rateSizes       message sizes of the rate cells
 * @param rateConnections connection counts of the rate cells, each connection with its own schedule
 * @param rateTransports  transports of the rate cells; empty for every transport of the run
 * @param rateMillis      measured time of each rate cell
 * @param p99BudgetNanos  the p99 a rate must keep to be sustainable: the highest such rate of a sweep is its
 *                        transport's sustainable rate
 */
public record RunConfig(String engine, List<String> transports, Map<String, List<String>> variants, List<Integer> sizes,
                        List<Integer> connections, int repetitions,
                        long iterations, long durationMillis, long warmupIterations, long warmupMillis,
                        long intervalMillis, Placement pin, boolean tcpNoDelay, String bindHost,
                        long peerTimeoutMillis, long receiveTimeoutMillis, int sendBufferBytes, int receiveBufferBytes,
                        long peerDelayMicros, String outputDirectory, boolean probes,
                        List<Integer> throughputSizes, long throughputMillis, List<String> connectionTransports,
                        List<RequestedRate> rates, List<Integer> rateSizes, List<Integer> rateConnections,
                        List<String> rateTransports, long rateMillis, long p99BudgetNanos,
                        boolean skipOversized, long orderSeed, boolean canary, LinkSettings link,
                        List<Integer> connectSizes, String closer, boolean linger0) {
    public static final String ENGINE_RAW = "raw";
    /** Both engines, side by side in one run. */
    public static final String ENGINE_BOTH = "both";
    public static final long DEFAULT_THROUGHPUT_MILLIS = 2_000;
    public static final long DEFAULT_RATE_MILLIS = 2_000;
    /** A rate is sustainable while its p99 stays within this. */
    public static final long DEFAULT_P99_BUDGET_NANOS = 100_000;
    /** Every transport there is. */
    public static final List<String> DEFAULT_TRANSPORTS = TransportKind.labelList();
    public static final List<Integer> DEFAULT_SIZES = List.of(64, 1024, 16384);
    public static final List<Integer> DEFAULT_CONNECTIONS = List.of(1);
    public static final int DEFAULT_REPETITIONS = 1;
    public static final long DEFAULT_ITERATIONS = 100_000;
    public static final long DEFAULT_WARMUP_ITERATIONS = 20_000;
    public static final long DEFAULT_INTERVAL_MILLIS = 1_000;
    public static final long DEFAULT_PEER_TIMEOUT_MILLIS = 5_000;
    public static final long DEFAULT_RECEIVE_TIMEOUT_MILLIS = 200;
    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    /** Every message carries its sequence number in its first 8 bytes. */
    public static final int MIN_SIZE = 8;
    /** The one variant of a transport that has none. */
    private static final List<String> NO_VARIANT = Collections.singletonList(null);

    public RunConfig {
        Objects.requireNonNull(engine, "engine");
        transports = List.copyOf(transports);
        variants = variants == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        sizes = List.copyOf(sizes);
        connections = List.copyOf(connections);
        throughputSizes = throughputSizes == null ? List.of() : List.copyOf(throughputSizes);
        connectionTransports = connectionTransports == null ? List.of() : List.copyOf(connectionTransports);
        rates = rates == null ? List.of() : List.copyOf(rates);
        rateSizes = rateSizes == null ? sizes : List.copyOf(rateSizes);
        rateConnections = rateConnections == null ? connections : List.copyOf(rateConnections);
        rateTransports = rateTransports == null ? List.of() : List.copyOf(rateTransports);
        pin = pin == null ? Placement.UNPINNED : pin;
        link = link == null ? LinkSettings.DEFAULT : link;
        connectSizes = connectSizes == null ? List.of() : List.copyOf(connectSizes);
        closer = closer == null ? Closer.CLIENT.label() : Closer.fromLabel(closer).label();
        require(!transports.isEmpty(), "at least one transport is needed");
        require(!sizes.isEmpty() || !throughputSizes.isEmpty() || !(rates.isEmpty() || rateSizes.isEmpty())
                        || !connectSizes.isEmpty(),
                "at least one message size is needed");
        for (int size : sizes) {
            require(size >= MIN_SIZE, "message size " + size + " B is too small: every message carries an "
                    + MIN_SIZE + "-byte sequence number, so the least is " + MIN_SIZE + " B");
        }
        for (int count : connections) {
            require(count >= 1, "connection count " + count + " must be at least 1");
        }
        require(repetitions >= 1, "repetitions must be at least 1");
        for (int size : throughputSizes) {
            require(size >= MIN_SIZE, "throughput message size " + size + " B is too small: the least is " + MIN_SIZE + " B");
        }
        for (int size : connectSizes) {
            require(size >= MIN_SIZE, "connect message size " + size + " B is too small: the least is " + MIN_SIZE + " B");
        }
        require(throughputMillis >= 10, "a throughput cell must last at least 10 ms");
        for (int size : rateSizes) {
            require(size >= MIN_SIZE, "rate message size " + size + " B is too small: the least is " + MIN_SIZE + " B");
        }
        for (int count : rateConnections) {
            require(count >= 1, "connection count " + count + " must be at least 1");
        }
        // A run from before rate cells existed has none of their settings.
        require(rates.isEmpty() || rateMillis >= 10, "a rate cell must last at least 10 ms");
        require(rates.isEmpty() || p99BudgetNanos > 0, "the p99 budget must be positive");
        require(iterations > 0 || durationMillis > 0, "give a positive number of iterations or a duration");
        require(iterations >= 0 && durationMillis >= 0, "iterations and duration cannot be negative");
        require(warmupIterations >= 0 && warmupMillis >= 0, "warm-up cannot be negative");
        require(intervalMillis >= 10, "the log interval must be at least 10 ms");
        require(peerTimeoutMillis >= 100, "the peer timeout must be at least 100 ms");
        require(receiveTimeoutMillis >= 1, "the receive timeout must be at least 1 ms");
        require(sendBufferBytes >= 0 && receiveBufferBytes >= 0, "a socket buffer size cannot be negative");
        require(peerDelayMicros >= 0, "the peer delay cannot be negative");
        for (Map.Entry<String, List<String>> chosen : variants.entrySet()) {
            checkVariants(chosen.getKey(), chosen.getValue(), pin);
        }
    }

    /**
     * The variants chosen must be the kind's, and able to run at the placement (a kind unknown here,
     * in a run from a later version, is taken as it is).
     */
    private static void checkVariants(String transport, List<String> chosen, Placement pin) {
        if (TransportKind.find(transport).isEmpty()) {
            return;
        }
        Variants declared = TransportKind.fromLabel(transport).variants();
        require(!declared.none(), transport + " has no variants");
        require(!chosen.isEmpty(), "choose at least one " + declared.dimension() + " for " + transport);
        for (String label : chosen) {
            Variant variant = declared.find(label).orElseThrow(() -> new IllegalArgumentException("unknown "
                    + transport + " " + declared.dimension() + " '" + label + "' (known: " + declared.describeLabels()
                    + ")"));
            require(!(pin.pinned() && pin.client().equals(pin.peer()) && variant.whyNotOnOneCpu() != null),
                    transport + " " + declared.dimension() + " " + label + " cannot run with both sides on CPU "
                            + pin.client() + ": " + variant.whyNotOnOneCpu() + ". Pin them to two CPUs or choose "
                            + "another " + declared.dimension());
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The engines this run measures: one, or both side by side. */
    public List<String> engines() {
        return ENGINE_BOTH.equals(engine) ? List.of("raw", "jdk") : List.of(engine);
    }

    /**
     * The variants of {@code kind} to measure, in order: those chosen, else its default; one null
     * for a kind that has none.
     */
    public List<String> variantsOf(TransportKind kind) {
        Variants declared = kind.variants();
        if (declared.none()) {
            return NO_VARIANT;
        }
        return variants.getOrDefault(kind.label(), List.of(declared.defaultLabel()));
    }

    /** The settings one per line, for the start of a run. */
    @Override
    public String toString() {
        String measure = iterations > 0 ? iterations + " round trips" : durationMillis + " ms";
        String warmup = warmupIterations > 0 ? warmupIterations + " round trips" : warmupMillis + " ms";
        return String.join(System.lineSeparator(),
                "  modes           latency" + (throughputSizes.isEmpty() ? "" : ", throughput")
                        + (rates.isEmpty() ? "" : ", rate") + (connectSizes.isEmpty() ? "" : ", connect")
                        + " (engine " + engine + ")",
                "  transports      " + String.join(", ", transports) + describeVariants(),
                "  sizes (B)       " + sizes,
                "  connections     " + connections + (connections.stream().anyMatch(c -> c > 1)
                        ? " (closed-loop cells of " + (connectionTransports.isEmpty() ? "every transport that takes several"
                        : String.join(", ", connectionTransports)) + ")" : ""),
                "  throughput      " + (throughputSizes.isEmpty() ? "none"
                        : "sizes " + throughputSizes + ", " + throughputMillis + " ms per cell"),
                "  rates           " + (rates.isEmpty() ? "none" : rates.stream().map(RequestedRate::text).toList()
                        + " at sizes " + rateSizes + ", connections " + rateConnections + ", of "
                        + (rateTransports.isEmpty() ? "every transport" : String.join(", ", rateTransports)) + "; "
                        + rateMillis + " ms per cell; sustainable while p99 ≤ " + p99BudgetNanos / 1_000.0 + " µs"),
                "  connect         " + (connectSizes.isEmpty() ? "none" : "sizes " + connectSizes + ", one loop per "
                        + "connection count, the " + closer + " closes first" + (linger0 ? ", with SO_LINGER 0 (a reset "
                        + "and no TIME_WAIT: not what a normal client does)" : "")),
                "  repetitions     " + repetitions + " (cells shuffled in each, order seed " + orderSeed + ")",
                "  measure         " + measure + " per cell, interval log every " + intervalMillis + " ms",
                "  warm-up         " + warmup + " per cell (not recorded)",
                "  placement       " + (pin.pinned() ? "client on CPU " + pin.client() + ", peer on CPU " + pin.peer()
                                                   : "unpinned"),
                "  tcp             TCP_NODELAY " + (tcpNoDelay ? "on" : "off") + ", bind "
                        + (link.acrossNamespace() ? "this side's veth address" : bindHost),
                "  link            " + link.label() + (link.acrossNamespace() ? " (the peer of tcp and udp cells in a "
                        + "network namespace of its own; Unix sockets, pipes and FIFOs keep their usual path)" : ""),
                "  timeouts        peer " + peerTimeoutMillis + " ms, datagram reply " + receiveTimeoutMillis + " ms",
                "  socket buffers  SO_SNDBUF " + (sendBufferBytes > 0 ? sendBufferBytes + " B" : "kernel default")
                        + ", SO_RCVBUF " + (receiveBufferBytes > 0 ? receiveBufferBytes + " B" : "kernel default"),
                "  peer delay      " + peerDelayMicros + " µs",
                "  box canary      " + (canary ? "a pipe round trip between two threads, before and after every cell"
                        : "off"),
                "  claim probes    " + (probes ? "yes (boundaries, largest datagram, Nagle)" : "no"),
                "  output          " + outputDirectory);
    }

    /** " (shm idle: spin, yield)" for the transports of the run that have variants. */
    private String describeVariants() {
        List<String> parts = new ArrayList<>();
        for (String label : transports) {
            TransportKind kind = TransportKind.fromLabel(label);
            if (!kind.variants().none()) {
                parts.add(label + " " + kind.variants().dimension() + ": " + String.join(", ", variantsOf(kind)));
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** Builds a {@link RunConfig}; every setting starts at its default. */
    public static final class Builder {
        private String engine = ENGINE_RAW;
        private List<String> transports = DEFAULT_TRANSPORTS;
        private Map<String, List<String>> variants = Map.of();
        private List<Integer> sizes = DEFAULT_SIZES;
        private List<Integer> connections = DEFAULT_CONNECTIONS;
        private int repetitions = DEFAULT_REPETITIONS;
        private long iterations = DEFAULT_ITERATIONS;
        private long durationMillis;
        private long warmupIterations = DEFAULT_WARMUP_ITERATIONS;
        private long warmupMillis;
        private long intervalMillis = DEFAULT_INTERVAL_MILLIS;
        private Placement pin = Placement.UNPINNED;
        private boolean tcpNoDelay = true;
        private String bindHost = DEFAULT_BIND_HOST;
        private long peerTimeoutMillis = DEFAULT_PEER_TIMEOUT_MILLIS;
        private long receiveTimeoutMillis = DEFAULT_RECEIVE_TIMEOUT_MILLIS;
        private int sendBufferBytes;
        private int receiveBufferBytes;
        private long peerDelayMicros;
        private String outputDirectory;
        private boolean probes;
        private List<Integer> throughputSizes = List.of();
        private long throughputMillis = DEFAULT_THROUGHPUT_MILLIS;
        private List<String> connectionTransports = List.of();
        private List<RequestedRate> rates = List.of();
        private List<Integer> rateSizes;
        private List<Integer> rateConnections;
        private List<String> rateTransports = List.of();
        private long rateMillis = DEFAULT_RATE_MILLIS;
        private long p99BudgetNanos = DEFAULT_P99_BUDGET_NANOS;
        private boolean skipOversized;
        private Long orderSeed;
        private boolean canary = true;
        private LinkSettings link = LinkSettings.DEFAULT;
        private List<Integer> connectSizes = List.of();
        private String closer = Closer.CLIENT.label();
        private boolean linger0;

        /** Also measure connection set-up at these sizes (none by default). */
        public Builder connectSizes(List<Integer> value) {
            connectSizes = value;
            return this;
        }

        /** Which side of a connect cell's connection closes first: client (the default) or peer. */
        public Builder closer(String value) {
            closer = value;
            return this;
        }

        /** The side that closes first resets the connection (SO_LINGER 0) instead: no TIME_WAIT. */
        public Builder linger0(boolean value) {
            linger0 = value;
            return this;
        }

        /** Where the peer of tcp and udp cells sits (loopback by default). */
        public Builder link(LinkSettings value) {
            link = value;
            return this;
        }

        /** The seed of the cells' order; without one, a random seed is drawn and recorded. */
        public Builder orderSeed(long value) {
            orderSeed = value;
            return this;
        }

        /** Measure the box canary around every cell (on by default). */
        public Builder canary(boolean value) {
            canary = value;
            return this;
        }

        /** Skip, with a note, the sizes a transport cannot carry, instead of refusing the run. */
        public Builder skipOversized(boolean value) {
            skipOversized = value;
            return this;
        }

        /** Limit the cells with more than one connection to these transports (empty: every one that can). */
        public Builder connectionTransports(List<String> value) {
            connectionTransports = value;
            return this;
        }

        /** Also measure latency under these offered rates (none by default). */
        public Builder rates(List<RequestedRate> value) {
            rates = value;
            return this;
        }

        /** The sizes of the rate cells (by default the latency cells' sizes). */
        public Builder rateSizes(List<Integer> value) {
            rateSizes = value;
            return this;
        }

        /** The connection counts of the rate cells (by default the latency cells' counts). */
        public Builder rateConnections(List<Integer> value) {
            rateConnections = value;
            return this;
        }

        /** Make rate cells for these transports only (empty: every transport of the run). */
        public Builder rateTransports(List<String> value) {
            rateTransports = value;
            return this;
        }

        public Builder rateMillis(long value) {
            rateMillis = value;
            return this;
        }

        public Builder p99BudgetNanos(long value) {
            p99BudgetNanos = value;
            return this;
        }

        /** Also measure one-way throughput of every transport at these sizes (none by default). */
        public Builder throughputSizes(List<Integer> value) {
            throughputSizes = value;
            return this;
        }

        public Builder throughputMillis(long value) {
            throughputMillis = value;
            return this;
        }

        /** Also run the claim probes after the cells. */
        public Builder probes(boolean value) {
            probes = value;
            return this;
        }

        public Builder engine(String value) {
            engine = value;
            return this;
        }

        public Builder transports(List<String> value) {
            transports = value;
            return this;
        }

        /** The variants to measure, by transport (e.g. shm: spin, yield); a transport left out runs its default. */
        public Builder variants(Map<String, List<String>> value) {
            variants = value;
            return this;
        }

        public Builder sizes(List<Integer> value) {
            sizes = value;
            return this;
        }

        public Builder connections(List<Integer> value) {
            connections = value;
            return this;
        }

        public Builder repetitions(int value) {
            repetitions = value;
            return this;
        }

        /** Stop after this many round trips (and clear any duration). */
        public Builder iterations(long value) {
            iterations = value;
            durationMillis = 0;
            return this;
        }

        /** Stop after this long (and clear any iteration count). */
        public Builder durationMillis(long value) {
            durationMillis = value;
            iterations = 0;
            return this;
        }

        public Builder warmupIterations(long value) {
            warmupIterations = value;
            warmupMillis = 0;
            return this;
        }

        public Builder warmupMillis(long value) {
            warmupMillis = value;
            warmupIterations = 0;
            return this;
        }

        public Builder intervalMillis(long value) {
            intervalMillis = value;
            return this;
        }

        public Builder pin(Placement value) {
            pin = value;
            return this;
        }

        public Builder tcpNoDelay(boolean value) {
            tcpNoDelay = value;
            return this;
        }

        public Builder bindHost(String value) {
            bindHost = value;
            return this;
        }

        public Builder peerTimeoutMillis(long value) {
            peerTimeoutMillis = value;
            return this;
        }

        public Builder receiveTimeoutMillis(long value) {
            receiveTimeoutMillis = value;
            return this;
        }

        public Builder sendBufferBytes(int value) {
            sendBufferBytes = value;
            return this;
        }

        public Builder receiveBufferBytes(int value) {
            receiveBufferBytes = value;
            return this;
        }

        public Builder peerDelayMicros(long value) {
            peerDelayMicros = value;
            return this;
        }

        public Builder outputDirectory(String value) {
            outputDirectory = value;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(engine, transports, variants, sizes, connections, repetitions, iterations,
                    durationMillis, warmupIterations, warmupMillis, intervalMillis, pin, tcpNoDelay, bindHost,
                    peerTimeoutMillis, receiveTimeoutMillis, sendBufferBytes, receiveBufferBytes, peerDelayMicros, outputDirectory, probes,
                    throughputSizes, throughputMillis, connectionTransports, rates, rateSizes, rateConnections,
                    rateTransports, rateMillis, p99BudgetNanos, skipOversized,
                    orderSeed != null ? orderSeed : ThreadLocalRandom.current().nextLong(1L << 48), canary, link,
                    connectSizes, closer, linger0);
        }
    }
}
