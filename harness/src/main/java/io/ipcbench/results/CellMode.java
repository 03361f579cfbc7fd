package io.ipcbench.results;

/**
 * What a cell measures, under the name {@code run.json} gives it ({@link CellResult#mode()}). The
 * runner measures each mode with a class of its own; the views and exports read the names.
 */
public enum CellMode {
    /** Ping-pong: round trips, one message in flight on each connection. */
    LATENCY("latency"),
    /** One way: the peer sends as fast as the channel takes it, this side receives. */
    THROUGHPUT("throughput"),
    /**
     * Offered load: round trips sent on a fixed schedule, several in flight, their latency from the
     * intended send (coordinated omission corrected) and from the actual send.
     */
    RATE("rate"),
    /** Connection set-up: each operation dials a connection, sends one request, takes the reply and closes. */
    CONNECT("connect");

    private final String label;

    CellMode(String label) {
        this.label = label;
    }

    /** The name in {@code run.json}, file names and the command line. */
    public String label() {
        return label;
    }

    /**
     * The mode's name with the cell's rate, where it has one, as keys and file names carry it:
     * {@code latency}, {@code rate-25pct}.
     */
    public String withRate(RequestedRate rate) {
        return rate == null ? label : label + "-" + rate.token();
    }

    /** The mode named {@code label}; a run from before modes existed names none, and measured latency. */
    public static CellMode fromLabel(String label) {
        if (label == null) {
            return LATENCY;
        }
        for (CellMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown cell mode '" + label + "'");
    }
}
