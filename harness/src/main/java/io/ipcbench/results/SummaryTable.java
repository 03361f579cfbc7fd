package io.ipcbench.results;

import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run: one line per cell, latencies in microseconds. */
public final class SummaryTable {
    private static final String HEADER_FORMAT = "%-15s %9s %5s %-9s %9s %9s %9s %9s %9s %9s %10s  %s%n";
    private static final String ROW_FORMAT = "%-15s %9s %5d %-9s %9d %9.2f %9.2f %9.2f %9.2f %9.2f %10.2f  %s%n";

    private SummaryTable() {
    }

    public static String render(List<CellResult> cells) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, HEADER_FORMAT, "transport", "size", "conn", "placement", "count",
                "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "p99.99 µs", "max µs", "errors"));
        for (CellResult cell : cells) {
            LatencySummary l = cell.latencyNs();
            table.append(String.format(Locale.ROOT, ROW_FORMAT, cell.transport(), size(cell.size()),
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
        if (d != null && (d.lost() + d.duplicated() + d.reordered()) > 0) {
            text.append(String.format(Locale.ROOT, "lost %d, dup %d, late %d of %d; ",
                    d.lost(), d.duplicated(), d.reordered(), d.sent()));
        }
        if (!cell.ok()) {
            text.append("FAILED: ").append(cell.error());
        }
        String result = text.toString().replaceAll("; $", "");
        return result.isEmpty() ? "-" : result;
    }
}
