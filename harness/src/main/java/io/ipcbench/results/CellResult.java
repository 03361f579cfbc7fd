package io.ipcbench.results;

/**
 * One cell of a sweep: one transport (and variant, for a kind that has some), engine, message size,
 * connection count and mode (and, in rate mode, rate), measured once. In latency mode
 * {@code latencyNs} holds the round trips; in throughput mode it is empty and {@code throughput}
 * holds what was moved; in rate mode it holds the round trips timed from their intended send
 * (coordinated omission corrected) and {@code rate} the rest; in connect mode it holds the
 * operations (connect, request, reply, close) and {@code setUp} the connect alone.
 * A failed cell is kept with what it recorded before it failed and the reason in {@code error}.
 *
 * @param variant      the variant of the transport, e.g. shm's idle strategy {@code spin}; null for a kind without
 * @param histogramLog file name of the cell's interval log in the run folder, or null if none was written
 * @param datagrams    message accounting, for transports that keep message boundaries; null otherwise
 * @param roundTripsPerSec   latency and rate mode: round trips per second over the measured part, all connections
 *                           together; connect mode: operations per second, all loops together
 * @param perConnectionP99Ns latency and rate mode with several connections: the spread of the connections' p99;
 *                           else null
 * @param throughput         throughput mode: what was moved; null in the other modes
 * @param rate               rate mode: the rate asked for, offered and achieved, and the round trips timed from
 *                           their actual send; null in the other modes
 * @param socketBuffers      the buffer sizes the kernel granted the client's socket; null for pipes and FIFOs
 * @param canary             the box canary measured just before and after the cell; null when the run took none
 * @param cpuCost            both sides' CPU time and context switches over the measured part; null if not measured
 * @param boxLoad            the load before the measured part, steal and other CPUs' work during it; null if not measured
 * @param link               the link a tcp or udp cell crossed: "loopback", or "netns veth" with any shaping
 *                           ({@code --link}); null for a transport network namespaces do not touch, and in
 *                           runs from before links, which were all loopback
 * @param strangers          connections and datagrams turned away while the peer was awaited, their first
 *                           message not the peer's hello: another process reached the listening socket first
 * @param setUp              connect mode: the connect alone, who closed first, TIME_WAIT; null in other modes
 */
public record CellResult(String transport, String variant, String engine, String mode, int size, int connections,
                         int repetition, Placement placement, String status, String error, Warmup warmup,
                         LatencySummary latencyNs, String histogramLog, DatagramCounts datagrams,
                         IntegrityErrors errors, double roundTripsPerSec, Spread perConnectionP99Ns,
                         Throughput throughput, OfferedLoad rate, SocketBuffers socketBuffers, Canary canary,
                         CpuCost cpuCost, CellLoad boxLoad, String link, int strangers, ConnectSetUp setUp) {
    /** What {@link #link()} says of a loopback cell. */
    public static final String LOOPBACK = "loopback";

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /**
     * A cell of a transport that has no variants, on loopback, with no stranger at its door: as runs
     * recorded cells before variants, links and strangers.
     */
    public CellResult(String transport, String engine, String mode, int size, int connections, int repetition,
                      Placement placement, String status, String error, Warmup warmup,
                      LatencySummary latencyNs, String histogramLog, DatagramCounts datagrams,
                      IntegrityErrors errors, double roundTripsPerSec, Spread perConnectionP99Ns,
                      Throughput throughput, OfferedLoad rate, SocketBuffers socketBuffers, Canary canary,
                      CpuCost cpuCost, CellLoad boxLoad) {
        this(transport, null, engine, mode, size, connections, repetition, placement, status, error, warmup,
                latencyNs, histogramLog, datagrams, errors, roundTripsPerSec, perConnectionP99Ns, throughput, rate,
                socketBuffers, canary, cpuCost, boxLoad, null, 0, null);
    }

    /** A cell on loopback with no stranger at its door, not a connect cell: as runs recorded cells before links. */
    public CellResult(String transport, String variant, String engine, String mode, int size, int connections,
                      int repetition, Placement placement, String status, String error, Warmup warmup,
                      LatencySummary latencyNs, String histogramLog, DatagramCounts datagrams,
                      IntegrityErrors errors, double roundTripsPerSec, Spread perConnectionP99Ns,
                      Throughput throughput, OfferedLoad rate, SocketBuffers socketBuffers, Canary canary,
                      CpuCost cpuCost, CellLoad boxLoad) {
        this(transport, variant, engine, mode, size, connections, repetition, placement, status, error, warmup,
                latencyNs, histogramLog, datagrams, errors, roundTripsPerSec, perConnectionP99Ns, throughput, rate,
                socketBuffers, canary, cpuCost, boxLoad, null, 0, null);
    }

    /**
     * The transport as measured, with its variant when it has one: {@code shm-spin}, {@code tcp}. It
     * is what tables, charts, claims and file names tell cells apart by.
     */
    public static String transportName(String transport, String variant) {
        return variant == null ? transport : transport + "-" + variant;
    }

    /** {@link #transportName(String, String)} of this cell. */
    public String transportName() {
        return transportName(transport, variant);
    }

    /** The same cell with the box canary measured around it. */
    public CellResult withCanary(Canary measured) {
        return new CellResult(transport, variant, engine, mode, size, connections, repetition, placement, status, error,
                warmup, latencyNs, histogramLog, datagrams, errors, roundTripsPerSec, perConnectionP99Ns, throughput,
                rate, socketBuffers, measured, cpuCost, boxLoad, link, strangers, setUp);
    }

    /** The mode, typed; a run from before modes existed measured latency. */
    public CellMode cellMode() {
        return CellMode.fromLabel(mode);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * What identifies a cell across runs, e.g. for comparing a candidate with a baseline:
     * {@code tcp/raw/64B/1c/latency}, {@code shm-spin/raw/64B/1c/latency},
     * {@code tcp/raw/64B/1c/rate-25pct}; a cell that crossed a link other than loopback says so
     * ({@code tcp/raw/64B/1c/latency/netns-veth}), so that it is never compared with a loopback one.
     */
    public String key() {
        String across = linkTag(link);
        return transportName() + "/" + engine + "/" + size + "B/" + connections + "c/"
                + (rate == null ? mode : cellMode().withRate(rate.requested())) + (across.isEmpty() ? "" : "/" + across);
    }

    /**
     * A link as keys and file names carry it: empty for loopback (and for a cell no link touches),
     * else its label in letters, digits, dots and dashes, e.g. {@code netns-veth-delay-100us}.
     */
    public static String linkTag(String link) {
        if (link == null || LOOPBACK.equals(link)) {
            return "";
        }
        return link.replace("%", "pct").replaceAll("[^A-Za-z0-9.]+", "-");
    }
}
