package io.ipcbench.results;

import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run: one line per cell, latencies in microseconds. */
public final class SummaryTable {
    private static final String HEADER_FORMAT = "%-20s %9s %5s %-9s %9s %9s %9s %9s %9s %9s %10s  %s%n";
    private static final String ROW_FORMAT = "%-20s %9s %5d %-9s %9d %9.2f %9.2f %9.2f %9.2f %9.2f %10.2f  %s%n";

    private SummaryTable() {
    }

    private static final String THROUGHPUT_HEADER = "%-20s %9s %5s %-9s %12s %14s %10s  %s%n";
    private static final String THROUGHPUT_ROW = "%-20s %9s %5d %-9s %12.1f %14.0f %10.2f  %s%n";

    /**
     * The latency table, then (if the run measured any) the throughput table, the rate table with
     * the sustainable rates, the connect table, the JVM's overhead and the CPU cost per message.
     */
    public static String render(List<CellResult> cells, List<SustainableRate> sustainableRates) {
        List<CellResult> latency = cells.stream().filter(c -> c.cellMode() == CellMode.LATENCY).toList();
        List<CellResult> throughput = cells.stream().filter(c -> c.cellMode() == CellMode.THROUGHPUT).toList();
        List<CellResult> rate = cells.stream().filter(c -> c.cellMode() == CellMode.RATE).toList();
        List<CellResult> connect = cells.stream().filter(c -> c.cellMode() == CellMode.CONNECT).toList();
        StringBuilder tables = new StringBuilder();
        if (!latency.isEmpty()) {
            tables.append(renderLatency(latency));
        }
        if (!throughput.isEmpty()) {
            if (!tables.isEmpty()) {
                tables.append(System.lineSeparator());
            }
            tables.append(renderThroughput(throughput));
        }
        if (!rate.isEmpty()) {
            if (!tables.isEmpty()) {
                tables.append(System.lineSeparator());
            }
            tables.append(renderRate(rate));
            List<SustainableRate.OverRepetitions> sustainable = SustainableRate.overRepetitions(sustainableRates);
            if (!sustainable.isEmpty()) {
                tables.append(System.lineSeparator()).append(renderSustainable(sustainable));
            }
        }
        if (!connect.isEmpty()) {
            if (!tables.isEmpty()) {
                tables.append(System.lineSeparator());
            }
            tables.append(renderConnect(connect));
        }
        List<EngineOverhead> overhead = EngineOverhead.of(cells);
        if (!overhead.isEmpty()) {
            tables.append(System.lineSeparator()).append(renderOverhead(overhead));
        }
        String cpuCost = CpuCostTable.render(cells);
        if (!cpuCost.isEmpty()) {
            tables.append(System.lineSeparator()).append(cpuCost);
        }
        List<RepetitionSummary> repeated = RepetitionSummary.of(cells);
        if (!repeated.isEmpty()) {
            tables.append(System.lineSeparator()).append(renderRepetitions(repeated));
        }
        return tables.toString();
    }

    private static final String RATE_HEADER = "%-20s %9s %5s %-9s %-8s %11s %11s %8s %-18s %-18s %-18s  %s%n";
    private static final String RATE_ROW = "%-20s %9s %5d %-9s %-8s %,11.0f %,11.0f %8d %-18s %-18s %-18s  %s%n";

    /**
     * Rate cells: the rate asked for, offered and achieved, and the percentiles timed from the
     * intended send, with those from the actual send beside them in brackets where they differ.
     */
    static String renderRate(List<CellResult> cells) {
        StringBuilder table = new StringBuilder("Latency under offered load, from the intended send [from the actual "
                + "send, where it differs by more than 5%]").append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, RATE_HEADER, "transport", "size", "conn", "placement", "rate",
                "target/s", "achieved/s", "count", "p50 µs", "p99 µs", "p99.9 µs", "notes"));
        for (CellResult cell : cells) {
            OfferedLoad load = cell.rate();
            LatencySummary corrected = cell.latencyNs();
            LatencySummary raw = load.rawNs();
            String miss = load.describeMiss();
            String problems = problems(cell);
            String notes = miss == null ? problems : "-".equals(problems) ? miss : miss + "; " + problems;
            table.append(String.format(Locale.ROOT, RATE_ROW, label(cell), size(cell.size()), cell.connections(),
                    cell.placement(), load.requested().text(), load.targetPerSec(), load.achievedPerSec(),
                    corrected.count(), beside(corrected.p50(), raw.p50()), beside(corrected.p99(), raw.p99()),
                    beside(corrected.p999(), raw.p999()), notes));
        }
        return table.toString();
    }

    /** "97.47", or "97.47 [85.38]" when the figure from the actual send differs by more than 5%. */
    public static String beside(long correctedNs, long rawNs) {
        String text = String.format(Locale.ROOT, "%.2f", micros(correctedNs));
        return Math.abs(correctedNs - rawNs) > 0.05 * Math.max(1, correctedNs)
                ? text + String.format(Locale.ROOT, " [%.2f]", micros(rawNs)) : text;
    }

    private static final String SUSTAINABLE_HEADER = "%-24s %-9s %4s  %-30s  %s%n";

    /** Each rate sweep's highest rate within the p99 budget, over its repetitions. */
    static String renderSustainable(List<SustainableRate.OverRepetitions> sweeps) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "Sustainable rate at p99 ≤ %s (the "
                + "highest offered rate within it, achieved): median (lowest–highest) over repetitions",
                budget(sweeps.get(0).budgetNs()))).append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, SUSTAINABLE_HEADER, "sweep", "placement", "reps", "round trips/s",
                "first rate beyond it"));
        for (SustainableRate.OverRepetitions sweep : sweeps) {
            RepetitionSummary.Figure perSec = sweep.perSec();
            String rate = perSec == null ? "none within the budget"
                    : String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", perSec.median(), perSec.min(), perSec.max())
                    + (sweep.withoutOne() > 0 ? ", none in " + sweep.withoutOne() : "");
            table.append(String.format(Locale.ROOT, SUSTAINABLE_HEADER, sweep.sweep(), sweep.placement(),
                    sweep.repetitions(), rate, sweep.firstBeyond() == null ? "none: every rate held"
                            : sweep.firstBeyond()));
        }
        return table.toString();
    }

    /** "100 µs", "12.5 µs": a p99 budget as the sustainable rate's heading gives it. */
    public static String budget(long nanos) {
        return (nanos % 1_000 == 0 ? Long.toString(nanos / 1_000)
                : String.format(Locale.ROOT, "%.1f", nanos / 1e3)) + " µs";
    }

    private static final String REPETITION_HEADER = "%-34s %-9s %4s  %-26s %-26s  %s%n";

    /**
     * Each cell's repetitions side by side: the median and range of their p50 and p99 (or MB/s), and
     * their modes when they fall apart. A cell is one process per repetition; this is its spread.
     */
    static String renderRepetitions(List<RepetitionSummary> rows) {
        StringBuilder table = new StringBuilder("Repetitions (each a fresh peer process): median (lowest–highest)")
                .append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, REPETITION_HEADER, "cell", "placement", "reps", "p50 µs / MB/s",
                "p99 µs", "modes"));
        for (RepetitionSummary row : rows) {
            boolean throughput = row.bytesPerSec() != null;
            RepetitionSummary.Figure first = throughput ? row.bytesPerSec() : row.p50Ns();
            double scale = throughput ? 1e6 : 1e3;
            // Wake-up modes show in the median; a tail's scatter is not a mode.
            String modes = first.modes();
            table.append(String.format(Locale.ROOT, REPETITION_HEADER, row.key(), row.placement(), row.repetitions(),
                    range(first, scale), throughput ? "" : range(row.p99Ns(), 1e3), modes == null ? "-" : modes));
        }
        return table.toString();
    }

    private static String range(RepetitionSummary.Figure figure, double scale) {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", figure.median() / scale, figure.min() / scale,
                figure.max() / scale);
    }

    private static final String OVERHEAD_HEADER = "%-15s %9s %5s %9s %9s %9s %9s %9s %9s%n";
    private static final String OVERHEAD_ROW = "%-15s %9s %5d %9.2f %9.2f %+9.2f %9.2f %9.2f %+9.2f%n";

    /** jdk engine against raw, cell by cell: what a Java application pays over the system calls. */
    static String renderOverhead(List<EngineOverhead> rows) {
        StringBuilder table = new StringBuilder("JVM overhead (jdk engine minus raw engine, same run, same placement)")
                .append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, OVERHEAD_HEADER, "transport", "size", "conn", "raw p50", "jdk p50",
                "Δ p50 µs", "raw p99", "jdk p99", "Δ p99 µs"));
        for (EngineOverhead row : rows) {
            table.append(String.format(Locale.ROOT, OVERHEAD_ROW, row.transport(), size(row.size()), row.connections(),
                    micros(row.rawP50Ns()), micros(row.jdkP50Ns()), micros(row.p50OverheadNs()),
                    micros(row.rawP99Ns()), micros(row.jdkP99Ns()), micros(row.p99OverheadNs())));
        }
        return table.toString();
    }

    static String renderThroughput(List<CellResult> cells) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, THROUGHPUT_HEADER, "transport", "size", "conn", "placement", "MB/s",
                "messages/s", "seconds", "errors"));
        for (CellResult cell : cells) {
            Throughput t = cell.throughput();
            table.append(String.format(Locale.ROOT, THROUGHPUT_ROW, label(cell), size(cell.size()), cell.connections(),
                    cell.placement(),
                    t.bytesPerSec() / 1e6, t.messagesPerSec(), t.seconds(), problems(cell)));
        }
        return table.toString();
    }

    private static final String CONNECT_HEADER = "%-20s %9s %5s %-9s %11s %9s %9s %9s %9s  %-6s %9s  %s%n";
    private static final String CONNECT_ROW = "%-20s %9s %5d %-9s %11.0f %9.2f %9.2f %9.2f %9.2f  %-6s %9s  %s%n";

    /**
     * The connect cells: operations (dial, one request, its reply, close) per second over all loops,
     * the operation's and the connect alone's p50 and p99, who closed first, and TIME_WAIT left on
     * each side (client/peer).
     */
    static String renderConnect(List<CellResult> cells) {
        StringBuilder table = new StringBuilder("Connection set-up: each operation dials, sends one request, takes "
                + "its reply and closes").append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, CONNECT_HEADER, "transport", "size", "loops", "placement",
                "conns/s", "p50 µs", "p99 µs", "conn p50", "conn p99", "closer", "TIME_WAIT", "errors"));
        for (CellResult cell : cells) {
            ConnectSetUp setUp = cell.setUp();
            LatencySummary connect = setUp == null ? LatencySummary.EMPTY : setUp.connectNs();
            String timeWait = setUp == null || setUp.timeWaitClient() == null ? "-"
                    : setUp.timeWaitClient() + "/" + setUp.timeWaitPeer();
            String closer = setUp == null ? "-" : setUp.closer() + (setUp.linger0() ? "+rst" : "");
            table.append(String.format(Locale.ROOT, CONNECT_ROW, label(cell), size(cell.size()), cell.connections(),
                    cell.placement(), cell.roundTripsPerSec(), micros(cell.latencyNs().p50()),
                    micros(cell.latencyNs().p99()), micros(connect.p50()), micros(connect.p99()), closer, timeWait,
                    problems(cell)));
        }
        return table.toString();
    }

    /** "tcp", "shm-spin", "tcp (jdk)", "tcp [netns veth]": the engine when not raw, the link when not loopback. */
    static String label(CellResult cell) {
        String engine = "raw".equals(cell.engine()) || cell.engine() == null ? "" : " (" + cell.engine() + ")";
        String link = CellResult.linkTag(cell.link()).isEmpty() ? "" : " [" + cell.link() + "]";
        return cell.transportName() + engine + link;
    }

    static String renderLatency(List<CellResult> cells) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, HEADER_FORMAT, "transport", "size", "conn", "placement", "count",
                "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "p99.99 µs", "max µs", "errors"));
        for (CellResult cell : cells) {
            LatencySummary l = cell.latencyNs();
            table.append(String.format(Locale.ROOT, ROW_FORMAT, label(cell), size(cell.size()),
                    cell.connections(), cell.placement(), l.count(), micros(l.p50()), micros(l.p90()),
                    micros(l.p99()), micros(l.p999()), micros(l.p9999()), micros(l.max()), problems(cell)));
        }
        return table.toString();
    }

    /** "64 B", "16 KiB", "1 MiB". */
    public static String size(int bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    static double micros(long nanos) {
        return nanos / 1_000.0;
    }

    /** What went wrong in a cell, in a few words, or "-". */
    static String problems(CellResult cell) {
        StringBuilder text = new StringBuilder();
        if (cell.errors() != null && cell.errors().total() > 0) {
            text.append(cell.errors().total()).append(" bad replies; ");
        }
        DatagramCounts d = cell.datagrams();
        if (d != null && d.describe() != null) {
            text.append(d.describe()).append("; ");
        }
        if (cell.strangers() > 0) {
            text.append(cell.strangers()).append(cell.strangers() == 1 ? " stranger" : " strangers")
                    .append(" turned away; ");
        }
        if (!cell.ok()) {
            text.append("FAILED: ").append(cell.error());
        }
        String result = text.toString().replaceAll("; $", "");
        return result.isEmpty() ? "-" : result;
    }
}
