package io.ipcbench.results;

/**
 * One cell of a sweep: one transport (and variant, for a kind that has some), engine, message size,
 * connection count and mode (and, in rate mode, rate), measured once. In latency mode
 * {@code latencyNs} holds the round trips; in throughput mode it is empty and {@code throughput}
 * holds what was moved; in rate mode it holds the round trips timed from their intended send
 * (coordinated omission corrected) and {@code rate} the rest.
 * A failed cell is kept with what it recorded before it failed and the reason in {@code error}.
 *
 * @param variant      the variant of the transport, e.g. shm's idle strategy {@code spin}; null for a kind without
 * @param histogramLog file name of the cell's interval log in the run folder, or null if none was written
 * @param datagrams    message accounting, for transports that keep message boundaries; null otherwise
 * @param roundTripsPerSec   latency and rate mode: round trips per second over the measured part, all connections
 *                           together
 * @param perConnectionP99Ns latency and rate mode with several connections: the spread of the connections' p99;
 *                           else null
 * @param throughput         throughput mode: what was moved; null in the other modes
 * @param rate               rate mode: the rate asked for, offered and achieved, and the round trips timed from
 *                           their actual send; null in the other modes
 * @param socketBuffers      the buffer sizes the kernel granted the client's socket; null for pipes and FIFOs
 * @param canary             the box canary measured just before and after the cell; null when the run took none
 * @param cpuCost            both sides' CPU time and context switches over the measured part; null if not measured
 * @param boxLoad            the load before the measured part, steal and other CPUs' work during it; null if not measured
 */
public record CellResult(String transport, String variant, String engine, String mode, int size, int connections,
                         int repetition, Placement placement, String status, String error, Warmup warmup,
                         LatencySummary latencyNs, String histogramLog, DatagramCounts datagrams,
                         IntegrityErrors errors, double roundTripsPerSec, Spread perConnectionP99Ns,
                         Throughput throughput, OfferedLoad rate, SocketBuffers socketBuffers, Canary canary,
                         CpuCost cpuCost, CellLoad boxLoad) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** A cell of a transport that has no variants. */
    public CellResult(String transport, String engine, String mode, int size, int connections, int repetition,
                      Placement placement, String status, String error, Warmup warmup,
                      LatencySummary latencyNs, String histogramLog, DatagramCounts datagrams,
                      IntegrityErrors errors, double roundTripsPerSec, Spread perConnectionP99Ns,
                      Throughput throughput, OfferedLoad rate, SocketBuffers socketBuffers, Canary canary,
                      CpuCost cpuCost, CellLoad boxLoad) {
        this(transport, null, engine, mode, size, connections, repetition, placement, status, error, warmup,
                latencyNs, histogramLog, datagrams, errors, roundTripsPerSec, perConnectionP99Ns, throughput, rate,
                socketBuffers, canary, cpuCost, boxLoad);
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
                rate, socketBuffers, measured, cpuCost, boxLoad);
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
     * {@code tcp/raw/64B/1c/rate-25pct}.
     */
    public String key() {
        return transportName() + "/" + engine + "/" + size + "B/" + connections + "c/"
                + (rate == null ? mode : cellMode().withRate(rate.requested()));
    }
}
