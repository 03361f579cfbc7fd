package io.ipcbench.results;

/**
 * One cell of a sweep: one transport, message size, connection count and mode, measured once.
 * A failed cell is kept with what it recorded before it failed and the reason in {@code error}.
 *
 * @param histogramLog file name of the cell's interval log in the run folder, or null if none was written
 * @param datagrams    message accounting, for transports that keep message boundaries; null otherwise
 */
public record CellResult(String transport, String engine, String mode, int size, int connections, int repetition,
                         Placement placement, String status, String error, Warmup warmup,
                         LatencySummary latencyNs, String histogramLog, DatagramCounts datagrams,
                         IntegrityErrors errors) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }

    /** What identifies a cell across runs, e.g. for comparing a candidate with a baseline. */
    public String key() {
        return transport + "/" + engine + "/" + size + "B/" + connections + "c/" + mode;
    }
}
