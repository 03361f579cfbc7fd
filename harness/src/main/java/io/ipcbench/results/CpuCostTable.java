package io.ipcbench.results;

import java.util.List;
import java.util.Locale;

/**
 * The printed table of what each cell cost in CPU and context switches per message (a round trip,
 * or a message in throughput mode), beside what else the box was doing.
 */
public final class CpuCostTable {
    private static final String HEADER = "%-20s %9s %5s %-10s %4s %11s %11s %11s %9s %9s %7s %7s%n";
    private static final String ROW = "%-20s %9s %5d %-10s %4d %11s %11s %11s %9s %9s %7s %7s%n";

    private CpuCostTable() {
    }

    /** The table, or an empty string when no cell measured its CPU cost. */
    public static String render(List<CellResult> cells) {
        List<CellResult> measured = cells.stream().filter(c -> c.cpuCost() != null).toList();
        if (measured.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("CPU per message (a round trip; a message in throughput mode), "
                + "both processes, measured part only").append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, HEADER, "transport", "size", "conn", "mode", "rep", "client µs",
                "peer µs", "total µs", "client cs", "peer cs", "steal%", "load"));
        for (CellResult cell : measured) {
            CpuCost cost = cell.cpuCost();
            CellLoad load = cell.boxLoad();
            table.append(String.format(Locale.ROOT, ROW, SummaryTable.label(cell), SummaryTable.size(cell.size()),
                    cell.connections(), cell.mode(), cell.repetition() + 1,
                    figure(cost.client() == null ? null : cost.client().cpuMicrosPerMessage(), "%.2f"),
                    figure(cost.peer() == null ? null : cost.peer().cpuMicrosPerMessage(), "%.2f"),
                    figure(cost.cpuMicrosPerMessage(), "%.2f"),
                    figure(cost.client() == null ? null : cost.client().contextSwitchesPerMessage(), "%.2f"),
                    figure(cost.peer() == null ? null : cost.peer().contextSwitchesPerMessage(), "%.2f"),
                    figure(load == null ? null : load.stealPercent(), "%.1f"),
                    figure(load == null ? null : load.loadAverageBefore(), "%.2f")));
        }
        return table.toString();
    }

    private static String figure(Double value, String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }
}
